import type mongoose from 'mongoose';

/** Which projection version the service reads and feeds: one document, switched in one write. */
export const META_COLLECTION = 'projection_meta';

interface ActiveDocument {
  _id: 'active';
  version: number;
  switchedAt: Date;
}

export interface ActiveVersion {
  read(): Promise<number>;
  switchTo(version: number, at: Date): Promise<void>;
}

export function mongoActiveVersion(connection: mongoose.Connection): ActiveVersion {
  const meta = connection.collection<ActiveDocument>(META_COLLECTION);
  return {
    async read() {
      return (await meta.findOne({ _id: 'active' }))?.version ?? 1;
    },
    async switchTo(version, at) {
      await meta.updateOne(
        { _id: 'active' },
        { $set: { version, switchedAt: at } },
        { upsert: true },
      );
    },
  };
}
