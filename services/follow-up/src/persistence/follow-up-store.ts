import { appendToOutbox, type DocumentLock } from '@grunderboost/messaging';
import type mongoose from 'mongoose';
import type { FollowUpStore, ListFilters } from '../app/ports';
import type { FollowUp } from '../domain/follow-up';
import { isDuplicateKeyError } from './duplicate-key';
import {
  toDocument,
  toFollowUp,
  type FollowUpCollection,
  type FollowUpDocument,
} from './follow-up-document';

const OPTIONAL_FIELDS = ['answers', 'answeredAt', 'erasedAt'] as const;
const DAY_MS = 86_400_000;

/** The relay's sweep and the staff listing (by due date); lookups go by _id. */
export async function ensureFollowUpIndexes(collection: FollowUpCollection): Promise<void> {
  await collection.createIndex({ outboxNextAttemptAt: 1 }, { name: 'outboxNextAttemptAt_1' });
  await collection.createIndex({ dueAt: 1, _id: 1 }, { name: 'dueAt_1__id_1' });
}

function replacement(followUp: FollowUp) {
  const { followUpId: _id, version: _version, ...fields } = followUp;
  const set: Record<string, unknown> = { ...fields };
  const unset: Record<string, ''> = {};
  for (const field of OPTIONAL_FIELDS) {
    if (followUp[field] === undefined) {
      delete set[field];
      unset[field] = '';
    }
  }
  return { set, unset };
}

type Filter = mongoose.mongo.Filter<FollowUpDocument>;

/** The stored-status part of a state filter; overdue is open and due before the grace cut-off. */
function stateFilter(filters: ListFilters, now: Date, overdueAfterDays: number): Filter {
  const cutoff = new Date(now.getTime() - overdueAfterDays * DAY_MS);
  switch (filters.state) {
    case undefined:
      return {};
    case 'overdue':
      return { status: 'open', dueAt: { $lte: cutoff } };
    case 'open':
      return { status: 'open', dueAt: { $gt: cutoff } };
    case 'answered':
    case 'erased':
      return { status: filters.state };
  }
}

function pageFilter(filters: ListFilters): Filter {
  if (filters.after === undefined) return {};
  const { dueAt, followUpId } = filters.after;
  return { $or: [{ dueAt: { $gt: dueAt } }, { dueAt, _id: { $gt: followUpId } }] };
}

export function mongoFollowUpStore(
  collection: FollowUpCollection,
  lock: DocumentLock,
): FollowUpStore {
  return {
    async create(followUp) {
      try {
        await collection.insertOne(toDocument(followUp));
        return 'created';
      } catch (error) {
        if (isDuplicateKeyError(error)) return 'exists';
        throw error;
      }
    },

    async findById(followUpId) {
      const document = await collection.findOne({ _id: followUpId });
      return document === null ? undefined : toFollowUp(document);
    },

    async save(followUp, expectedVersion, events) {
      const { set, unset } = replacement(followUp);
      const outbox = appendToOutbox(events, new Date());
      const hasEvents = events.length > 0;
      // Shared with the relay: FerretDB's updates of one document are not isolated (ADR 0003).
      const result = await lock(followUp.followUpId, () =>
        collection.updateOne(
          { _id: followUp.followUpId, version: expectedVersion },
          {
            $set: { ...set, ...(hasEvents ? outbox.$set : {}) },
            ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
            $inc: { version: 1, ...(hasEvents ? outbox.$inc : {}) },
            ...(hasEvents ? { $push: outbox.$push } : {}),
          },
        ),
      );
      return result.matchedCount === 1;
    },

    async list(filters, now, overdueAfterDays) {
      const filter: Filter = {
        $and: [
          stateFilter(filters, now, overdueAfterDays),
          pageFilter(filters),
          filters.founderId === undefined ? {} : { founderId: filters.founderId },
        ],
      };
      const documents = await collection
        .find(filter)
        .sort({ dueAt: 1, _id: 1 })
        .limit(filters.limit)
        .toArray();
      return documents.map(toFollowUp);
    },
  };
}
