import type mongoose from 'mongoose';
import type { SlotClaims } from '../app/ports';
import { isDuplicateKeyError } from './duplicate-key';

export const SLOT_CLAIMS_COLLECTION = 'slot_claims';

/**
 * One document per counsellor and quarter-hour cell a booking holds. The `_id` is the pair, so
 * of two bookings that share a cell only one insert succeeds: FerretDB and MongoDB both enforce
 * `_id` uniqueness, where neither FerretDB's updates nor a read-then-write would (ADR 0005).
 */
export interface SlotClaimDocument {
  _id: string;
  counsellorId: string;
  cell: Date;
  appointmentId: string;
  claimedAt: Date;
}

export type SlotClaimCollection = mongoose.mongo.Collection<SlotClaimDocument>;

const claimId = (counsellorId: string, cell: Date) => `${counsellorId}/${cell.toISOString()}`;

export function slotClaimCollection(connection: mongoose.Connection): SlotClaimCollection {
  return connection.collection<SlotClaimDocument>(SLOT_CLAIMS_COLLECTION);
}

export async function ensureSlotClaimIndexes(collection: SlotClaimCollection): Promise<void> {
  await collection.createIndex({ appointmentId: 1 }, { name: 'appointmentId_1' });
}

/**
 * A claim whose booking never got written (the process died in between) would block a cell for
 * good. `isOrphan` says whether the holder of a claim older than a minute is gone; then the
 * claim is taken over.
 */
export type OrphanCheck = (appointmentId: string, cell: Date) => Promise<boolean>;

const ORPHAN_AGE_MS = 60_000;

export function mongoSlotClaims(
  collection: SlotClaimCollection,
  isOrphan: OrphanCheck,
): SlotClaims {
  async function insert(document: SlotClaimDocument): Promise<boolean> {
    try {
      await collection.insertOne(document);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async function takeOverOrphan(document: SlotClaimDocument): Promise<boolean> {
    const holder = await collection.findOne({ _id: document._id });
    if (holder === null) return insert(document);
    const old = document.claimedAt.getTime() - holder.claimedAt.getTime() > ORPHAN_AGE_MS;
    if (!old || !(await isOrphan(holder.appointmentId, holder.cell))) return false;
    await collection.deleteOne({ _id: holder._id, appointmentId: holder.appointmentId });
    return insert(document);
  }

  const release = async (counsellorId: string, cells: Date[], appointmentId: string) => {
    if (cells.length === 0) return;
    await collection.deleteMany({
      _id: { $in: cells.map((c) => claimId(counsellorId, c)) },
      appointmentId,
    });
  };

  return {
    async claim(counsellorId, cells, appointmentId) {
      const claimedAt = new Date();
      const won: Date[] = [];
      for (const cell of cells) {
        const document = {
          _id: claimId(counsellorId, cell),
          counsellorId,
          cell,
          appointmentId,
          claimedAt,
        };
        if ((await insert(document)) || (await takeOverOrphan(document))) {
          won.push(cell);
          continue;
        }
        await release(counsellorId, won, appointmentId);
        return 'taken';
      }
      return 'claimed';
    },
    release,
  };
}
