import type mongoose from 'mongoose';

/** An API key as stored: only its SHA-256 (the `_id`, so a lookup is by `_id`, ADR 0004). */
interface KeyDocument {
  _id: string;
  keyId: string;
  partnerId: string;
  createdAt: Date;
  expiresAt?: Date;
  revokedAt?: Date;
}

export interface KeyInfo {
  keyId: string;
  partnerId: string;
  createdAt: string;
  expiresAt?: string;
  revokedAt?: string;
}

const toInfo = (doc: KeyDocument): KeyInfo => ({
  keyId: doc.keyId,
  partnerId: doc.partnerId,
  createdAt: doc.createdAt.toISOString(),
  ...(doc.expiresAt === undefined ? {} : { expiresAt: doc.expiresAt.toISOString() }),
  ...(doc.revokedAt === undefined ? {} : { revokedAt: doc.revokedAt.toISOString() }),
});

export function keyStore(connection: mongoose.Connection) {
  const collection = connection.collection<KeyDocument>('api_keys');
  return {
    async insert(hash: string, info: { keyId: string; partnerId: string; createdAt: Date }) {
      await collection.insertOne({ _id: hash, ...info });
    },
    async byHash(hash: string): Promise<KeyInfo | undefined> {
      const found = await collection.findOne({ _id: hash });
      return found === null ? undefined : toInfo(found);
    },
    async list(partnerId: string): Promise<KeyInfo[]> {
      const docs = await collection.find({ partnerId }).toArray();
      return docs.map(toInfo).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    /** Ends the grace of the partner's other live keys (rotation); rare, so a scan is fine. */
    async expireOthers(partnerId: string, keepKeyId: string, at: Date) {
      const docs = await collection.find({ partnerId }).toArray();
      for (const doc of docs) {
        if (doc.keyId === keepKeyId || doc.revokedAt !== undefined) continue;
        if (doc.expiresAt !== undefined && doc.expiresAt <= at) continue;
        await collection.updateOne({ _id: doc._id }, { $set: { expiresAt: at } });
      }
    },
    async revoke(partnerId: string, keyId: string, at: Date): Promise<boolean> {
      const found = await collection.findOne({ partnerId, keyId });
      if (found === null) return false;
      await collection.updateOne({ _id: found._id }, { $set: { revokedAt: at } });
      return true;
    },
  };
}

export type KeyStore = ReturnType<typeof keyStore>;
