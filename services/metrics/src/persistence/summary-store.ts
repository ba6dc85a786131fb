import type mongoose from 'mongoose';
import type { mongo } from 'mongoose';
import { z } from 'zod';
import type { SummaryStore } from '../app/ports';
import { EMPTY_SUMMARY, type CounterName, type Increment, type Summary } from '../domain/summary';
import { serialQueue } from './serial-queue';

export const SUMMARY_COLLECTION = 'summary';
export const APPLIED_EVENTS_COLLECTION = 'applied_events';
export const SUMMARY_ID = 'summary';

interface SummaryDocument {
  _id: string;
  applications?: number;
  assignments?: number;
  updatedAt?: Date | null;
  /** Ids of events counted whose applied_events record may not be written yet. */
  pending?: string[];
}

interface AppliedEventDocument {
  _id: string;
  counter: CounterName;
  appliedAt: Date;
}

// Our own document, but read defensively: a hand-edited counter must fail loudly, not as NaN.
const storedSummary = z.object({
  applications: z.number().int().min(0).default(0),
  assignments: z.number().int().min(0).default(0),
  updatedAt: z.date().nullable().default(null),
});

const OTHER: Record<CounterName, CounterName> = {
  applications: 'assignments',
  assignments: 'applications',
};

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}

interface Collections {
  summaries: mongo.Collection<SummaryDocument>;
  applied: mongo.Collection<AppliedEventDocument>;
}

async function clearPending({ summaries }: Collections, eventId: string): Promise<void> {
  await summaries.updateOne({ _id: SUMMARY_ID }, { $pull: { pending: eventId } });
}

/** The atomic step: $inc and mark, unless the mark is there already. True when it counted. */
async function countUnlessPending(
  collections: Collections,
  increment: Increment,
  attempt = 1,
): Promise<boolean> {
  const { eventId, counter, at } = increment;
  try {
    await collections.summaries.updateOne(
      { _id: SUMMARY_ID, pending: { $ne: eventId } },
      {
        $inc: { [counter]: 1 },
        $set: { updatedAt: at },
        $setOnInsert: { [OTHER[counter]]: 0 },
        $addToSet: { pending: eventId },
      },
      { upsert: true },
    );
    return true;
  } catch (error) {
    // The filter missed an existing document, so the upsert tried to insert a second one.
    if (!isDuplicateKey(error)) throw error;
    const marked = await collections.summaries.countDocuments({
      _id: SUMMARY_ID,
      pending: eventId,
    });
    if (marked > 0) return false;
    // Two first-ever upserts raced and the other one created the document: now it matches.
    if (attempt < 2) return countUnlessPending(collections, increment, attempt + 1);
    throw error;
  }
}

async function applyNow(collections: Collections, increment: Increment): Promise<boolean> {
  const { eventId, counter, at } = increment;
  if ((await collections.applied.countDocuments({ _id: eventId }, { limit: 1 })) > 0) {
    await clearPending(collections, eventId); // an earlier attempt may have stopped before this
    return false;
  }
  const counted = await countUnlessPending(collections, increment);
  await collections.applied.updateOne(
    { _id: eventId },
    { $setOnInsert: { counter, appliedAt: at } },
    { upsert: true },
  );
  await clearPending(collections, eventId);
  return counted;
}

async function readSummary({ summaries }: Collections): Promise<Summary> {
  const document = await summaries.findOne({ _id: SUMMARY_ID });
  if (document === null) {
    return { ...EMPTY_SUMMARY };
  }
  const parsed = storedSummary.safeParse(document);
  if (!parsed.success) {
    throw new Error(`the summary document is corrupt: ${parsed.error.message}`);
  }
  return parsed.data;
}

/**
 * Counters in one document, changed with $inc only. Exactly-once per event id without
 * transactions: the $inc and a "pending" mark of the event id are one atomic single-document
 * write, so no crash can separate them. Only then is the id recorded in applied_events, and
 * the mark removed. A retry after a crash at any point finds either the mark (counted, not
 * yet recorded) or the record (done) and does not count again; nothing is ever marked done
 * before it is counted, so no count can be lost either. `pending` stays as small as the
 * number of events in flight. Counts of one process run one at a time (see serialQueue).
 */
export function mongoSummaryStore(connection: mongoose.Connection): SummaryStore {
  const collections: Collections = {
    summaries: connection.collection<SummaryDocument>(SUMMARY_COLLECTION),
    applied: connection.collection<AppliedEventDocument>(APPLIED_EVENTS_COLLECTION),
  };
  const serially = serialQueue();
  return {
    applyOnce: (increment) => serially(() => applyNow(collections, increment)),
    read: () => readSummary(collections),
  };
}
