import type { Connection } from 'mongoose';

export interface SentRecord {
  _id: string;
  status: 'sending' | 'sent';
  messageId: string;
  kind: string;
  claimedAt: Date;
  sentAt?: Date;
}

export interface SentNotifications {
  find(key: string): Promise<SentRecord | undefined>;
  /** Inserts the key; false when another attempt holds it already (unique `_id`). */
  claim(record: Omit<SentRecord, 'status' | 'claimedAt'>): Promise<boolean>;
  markSent(key: string): Promise<void>;
  /** The SMTP server refused or was unreachable: nothing went out, a retry may send. */
  release(key: string): Promise<void>;
}

const DUPLICATE_KEY = 11000;

/**
 * The worker's own collection `sent_notifications`, one document per notification key. Only
 * `_id` lookups and an insert that the unique `_id` makes atomic (FerretDB enforces it too):
 * two attempts of one activity can never both hold a claim.
 */
export function mongoSentNotifications(connection: Connection): SentNotifications {
  const collection = () => {
    if (connection.db === undefined) throw new Error('MongoDB connection not open');
    return connection.db.collection<SentRecord>('sent_notifications');
  };
  return {
    async find(key) {
      return (await collection().findOne({ _id: key })) ?? undefined;
    },
    async claim(record) {
      try {
        await collection().insertOne({ ...record, status: 'sending', claimedAt: new Date() });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
        throw error;
      }
    },
    async markSent(key) {
      await collection().updateOne({ _id: key }, { $set: { status: 'sent', sentAt: new Date() } });
    },
    async release(key) {
      await collection().deleteOne({ _id: key, status: 'sending' });
    },
  };
}
