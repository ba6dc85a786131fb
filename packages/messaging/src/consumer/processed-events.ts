import type mongoose from 'mongoose';

/** Which event ids a consumer group has already applied (its deduplication memory). */
export interface ProcessedEvents {
  has(eventId: string): Promise<boolean>;
  record(eventId: string): Promise<void>;
}

/**
 * Kept in the consuming service's own database, one document per (group, event id).
 * The effect and this record are two writes: a crash between them re-applies the event
 * once more on restart, so handlers whose effect is not naturally idempotent also key
 * their own write on the event id (see the metrics projection).
 */
export function mongoProcessedEvents(
  connection: mongoose.Connection,
  groupId: string,
  collectionName = 'processed_events',
): ProcessedEvents {
  const collection = connection.collection<{ _id: string; processedAt: Date }>(collectionName);
  const idOf = (eventId: string) => `${groupId}:${eventId}`;
  return {
    async has(eventId) {
      return (await collection.countDocuments({ _id: idOf(eventId) }, { limit: 1 })) > 0;
    },
    async record(eventId) {
      await collection.updateOne(
        { _id: idOf(eventId) },
        { $setOnInsert: { processedAt: new Date() } },
        { upsert: true },
      );
    },
  };
}
