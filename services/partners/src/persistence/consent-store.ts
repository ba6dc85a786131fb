import type mongoose from 'mongoose';
import type { ConsentRecord } from '../domain/consent';

type ConsentDocument = Omit<ConsentRecord, 'founderId'> & { _id: string };

/** One document per founder, `_id` = founderId: FerretDB answers `_id` lookups from the index. */
export function consentStore(connection: mongoose.Connection) {
  const collection = connection.collection<ConsentDocument>('consents');
  return {
    async get(founderId: string): Promise<ConsentRecord | undefined> {
      const found = await collection.findOne({ _id: founderId });
      if (found === null) return undefined;
      return { founderId, sharing: found.sharing, profile: found.profile };
    },
    async put(record: ConsentRecord): Promise<void> {
      await collection.replaceOne(
        { _id: record.founderId },
        { sharing: record.sharing, profile: record.profile },
        { upsert: true },
      );
    },
    async remove(founderId: string): Promise<void> {
      await collection.deleteOne({ _id: founderId });
    },
  };
}

export type ConsentStore = ReturnType<typeof consentStore>;
