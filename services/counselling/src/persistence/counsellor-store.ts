import type mongoose from 'mongoose';
import type { CounsellorStore } from '../app/ports';

export const COUNSELLORS_COLLECTION = 'counsellors';

export interface CounsellorDocument {
  _id: string;
  /** Assignments made to this counsellor; kept by $inc, never recounted. */
  openCases: number;
}

export function mongoCounsellorStore(connection: mongoose.Connection): CounsellorStore {
  const collection = connection.collection<CounsellorDocument>(COUNSELLORS_COLLECTION);
  return {
    async register(counsellorIds) {
      for (const counsellorId of counsellorIds) {
        // $setOnInsert: a restart must not reset the counts of known counsellors.
        await collection.updateOne(
          { _id: counsellorId },
          { $setOnInsert: { openCases: 0 } },
          { upsert: true },
        );
      }
    },
    async loads(counsellorIds) {
      const documents = await collection.find({ _id: { $in: [...counsellorIds] } }).toArray();
      const openCases = new Map(documents.map((document) => [document._id, document.openCases]));
      return counsellorIds.map((counsellorId) => ({
        counsellorId,
        openCases: openCases.get(counsellorId) ?? 0,
      }));
    },
    async addOpenCase(counsellorId) {
      await collection.updateOne(
        { _id: counsellorId },
        { $inc: { openCases: 1 } },
        { upsert: true },
      );
    },
  };
}
