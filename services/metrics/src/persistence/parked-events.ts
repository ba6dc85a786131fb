import type mongoose from 'mongoose';

/**
 * Events that arrived before their founder's application. Topics are consumed independently,
 * so after a replay from offset 0 an assignment may come before the application that gives it
 * its dimensions; it waits here, keyed by founder, until the application arrives.
 */
export const PARKED_COLLECTION = (version: number) => `projection_v${version}_parked`;

interface ParkedDocument {
  _id: string;
  ids: string[];
  events: unknown[];
}

export interface ParkedEvents {
  /** Parks the event once, however often it is delivered. */
  park(founderId: string, eventId: string, event: unknown): Promise<void>;
  /** The founder's parked events in arrival order. */
  of(founderId: string): Promise<unknown[]>;
  /** Forgets one parked event once it has been applied. */
  done(founderId: string, eventId: string): Promise<void>;
}

const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;

export function mongoParkedEvents(connection: mongoose.Connection, version: number): ParkedEvents {
  const parked = connection.collection<ParkedDocument>(PARKED_COLLECTION(version));
  return {
    async park(founderId, eventId, event) {
      try {
        await parked.updateOne(
          { _id: founderId, ids: { $ne: eventId } },
          { $push: { ids: eventId, events: event } },
          { upsert: true },
        );
      } catch (error) {
        // The document exists and holds the id already: parked before.
        if (!isDuplicateKey(error)) throw error;
      }
    },
    async of(founderId) {
      return (await parked.findOne({ _id: founderId }))?.events ?? [];
    },
    async done(founderId, eventId) {
      // Read and rewrite by _id: FerretDB 1.x does not $pull by a condition on an object, and
      // this writer is the only one (ADR 0008).
      const document = await parked.findOne({ _id: founderId });
      if (document === null) return;
      const keep = document.ids.map((id) => id !== eventId);
      const ids = document.ids.filter((_id, index) => keep[index]);
      if (ids.length === 0) {
        await parked.deleteOne({ _id: founderId });
        return;
      }
      const events = document.events.filter((_event, index) => keep[index]);
      await parked.updateOne({ _id: founderId }, { $set: { ids, events } });
    },
  };
}
