import type mongoose from 'mongoose';
import type { CounsellorRepository } from '../app/ports';
import type { Counsellor } from '../domain/counsellor';
import { isDuplicateKeyError } from './duplicate-key';

export const COUNSELLORS_COLLECTION = 'counsellor_profiles';

export type CounsellorDocument = Omit<Counsellor, 'counsellorId'> & { _id: string };

const toDocument = ({ counsellorId, ...fields }: Counsellor): CounsellorDocument => ({
  _id: counsellorId,
  ...fields,
});

const toCounsellor = ({ _id, ...fields }: CounsellorDocument): Counsellor => ({
  counsellorId: _id,
  ...fields,
});

export function mongoCounsellorStore(connection: mongoose.Connection): CounsellorRepository & {
  seed(counsellors: Counsellor[]): Promise<void>;
} {
  const collection = connection.collection<CounsellorDocument>(COUNSELLORS_COLLECTION);
  async function create(counsellor: Counsellor): Promise<'created' | 'exists'> {
    try {
      await collection.insertOne(toDocument(counsellor));
      return 'created';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'exists';
      throw error;
    }
  }
  return {
    create,
    async replace(counsellor) {
      await collection.replaceOne({ _id: counsellor.counsellorId }, toDocument(counsellor));
    },
    async get(counsellorId) {
      const document = await collection.findOne({ _id: counsellorId });
      return document === null ? undefined : toCounsellor(document);
    },
    async all() {
      const documents = await collection.find({}).sort({ _id: 1 }).toArray();
      return documents.map(toCounsellor);
    },
    /** Adds the configured starting team; counsellors already known keep their profiles. */
    async seed(counsellors) {
      for (const counsellor of counsellors) await create(counsellor);
    },
  };
}
