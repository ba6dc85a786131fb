import type mongoose from 'mongoose';
import type { mongo } from 'mongoose';
import type { FounderFact } from '../domain/founder-fact';
import type { Plan } from '../domain/projection';
import { cellChanges, type CellChange, type CellDocument } from './cells';

/** The collections of one projection version; a rebuild fills the next version beside it. */
export const collectionsOf = (version: number) => ({
  facts: `projection_v${version}_facts`,
  cells: `projection_v${version}_cells`,
  state: `projection_v${version}_state`,
});

export type FactDocument = Omit<FounderFact, 'founderId'> & { _id: string };

/** The event being applied, with everything needed to finish it after a crash. */
interface InflightDocument {
  _id: 'inflight';
  eventId: string;
  seq: number;
  fact: FactDocument | null;
  changes: CellChange[];
}

export interface ProjectionStore {
  version: number;
  fact(founderId: string): Promise<FounderFact | undefined>;
  /**
   * Finishes the event a crash interrupted, if any, and returns its id (so the caller can mark
   * it processed: its effect is complete, and a new plan for it would count it again).
   */
  resume(): Promise<string | undefined>;
  apply(eventId: string, plan: Plan): Promise<void>;
}

const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;

export function toDocument({ founderId, fte, ...rest }: FounderFact): FactDocument {
  // No undefined fields: the driver would store them as null.
  return { _id: founderId, ...rest, ...(fte === undefined ? {} : { fte }) };
}

function fromDocument({ _id, fte, ...rest }: FactDocument): FounderFact {
  return { founderId: _id, ...rest, ...(fte === undefined || fte === null ? {} : { fte }) };
}

/**
 * One guarded update per cell: it only matches while the cell has not seen this sequence
 * number. A cell that has (an earlier attempt of the same event got there) makes the upsert
 * try a second document with the same _id, which the server refuses: already counted.
 */
async function applyChange(
  cells: mongo.Collection<CellDocument>,
  change: CellChange,
  seq: number,
): Promise<void> {
  try {
    await cells.updateOne(
      { _id: change.id, lastSeq: { $lt: seq } },
      { $inc: change.inc, $set: { lastSeq: seq }, $setOnInsert: change.fields },
      { upsert: true },
    );
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/**
 * The projection of one version. Exactly-once per event without transactions, for ONE writer
 * (ADR 0008): each event gets the next sequence number; its plan is written first as the
 * single `inflight` document, then the fact and the cells, each cell guarded by `lastSeq`. A
 * crash leaves the inflight document, which resume() finishes before anything else is applied.
 * Cells are updated one after another: FerretDB loses concurrent updates of one document.
 */
export function mongoProjectionStore(
  connection: mongoose.Connection,
  version: number,
): ProjectionStore {
  const names = collectionsOf(version);
  const facts = connection.collection<FactDocument>(names.facts);
  const cells = connection.collection<CellDocument>(names.cells);
  const state = connection.collection<InflightDocument>(names.state);
  let seq: number | undefined;
  /** The last inflight document this writer wrote: a retry of its event finishes it instead. */
  let last: InflightDocument | undefined;

  async function finish(inflight: InflightDocument): Promise<void> {
    if (inflight.fact !== null) {
      await facts.replaceOne({ _id: inflight.fact._id }, inflight.fact, { upsert: true });
    }
    for (const change of inflight.changes) {
      await applyChange(cells, change, inflight.seq);
    }
  }

  async function lastInflight(): Promise<InflightDocument | null> {
    const inflight = await state.findOne({ _id: 'inflight' });
    seq = inflight?.seq ?? 0;
    return inflight;
  }

  return {
    version,
    async fact(founderId) {
      const document = await facts.findOne({ _id: founderId });
      return document === null ? undefined : fromDocument(document);
    },
    async resume() {
      const inflight = await lastInflight();
      // A rebuild leaves only its sequence number (no event id): nothing to finish.
      if (inflight === null || inflight.eventId === '') return undefined;
      last = inflight;
      await finish(inflight);
      return inflight.eventId;
    },
    async apply(eventId, plan) {
      if (last?.eventId === eventId) {
        // A retry after a failure half-way: the fact already moved on, so only the stored plan
        // is right; its cells are guarded by its sequence number.
        await finish(last);
        return;
      }
      if (plan.fact === undefined) return;
      const current = seq ?? (await lastInflight())?.seq ?? 0;
      const inflight: InflightDocument = {
        _id: 'inflight',
        eventId,
        seq: current + 1,
        fact: toDocument(plan.fact),
        changes: cellChanges(plan.fact, plan.steps),
      };
      await state.replaceOne({ _id: 'inflight' }, inflight, { upsert: true });
      seq = inflight.seq;
      last = inflight;
      await finish(inflight);
    },
  };
}
