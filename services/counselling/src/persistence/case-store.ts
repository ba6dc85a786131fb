import { appendToOutbox, newOutbox, type OutboxFields } from '@grunderboost/messaging';
import type mongoose from 'mongoose';
import type { CaseRepository } from '../app/ports';
import type { Case } from '../domain/case';
import { compact, withoutStorageFields } from './documents';
import { isDuplicateKeyError } from './duplicate-key';

export const CASES_COLLECTION = 'cases';

export interface CaseDocument extends Omit<Case, 'caseId'>, OutboxFields {
  _id: string;
  /**
   * The founder id while the case is open, `closed:<caseId>` after. A unique index on it allows
   * one open case per founder without partial indexes, which FerretDB lacks.
   */
  openKey: string;
  version: number;
}

export type CaseCollection = mongoose.mongo.Collection<CaseDocument>;

const openKeyOf = (entry: Case) =>
  entry.status === 'open' ? entry.founderId : `closed:${entry.caseId}`;

function toCase(document: CaseDocument): Case {
  return { caseId: document._id, ...withoutStorageFields(document, ['openKey']) } as Case;
}

const fieldsOf = ({ caseId: _id, ...fields }: Case) => compact({ ...fields });

export function caseCollection(connection: mongoose.Connection): CaseCollection {
  return connection.collection<CaseDocument>(CASES_COLLECTION);
}

export async function ensureCaseIndexes(collection: CaseCollection): Promise<void> {
  await collection.createIndex({ openKey: 1 }, { unique: true, name: 'openKey_1' });
  await collection.createIndex({ founderId: 1 }, { name: 'founderId_1' });
  await collection.createIndex({ applicationId: 1 }, { name: 'applicationId_1' });
  await collection.createIndex({ counsellorId: 1, status: 1 }, { name: 'counsellorId_1_status_1' });
  await collection.createIndex({ outboxNextAttemptAt: 1 }, { name: 'outboxNextAttemptAt_1' });
}

const loaded = (document: CaseDocument | null) =>
  document === null ? undefined : { value: toCase(document), version: document.version };

export function mongoCaseStore(collection: CaseCollection): CaseRepository {
  return {
    async create(entry, events) {
      try {
        await collection.insertOne({
          _id: entry.caseId,
          ...fieldsOf(entry),
          openKey: openKeyOf(entry),
          version: 1,
          ...newOutbox(events, entry.assignedAt),
        });
        return 'created';
      } catch (error) {
        // _id is a fresh uuid, so the unique index this insert can collide on is openKey.
        if (isDuplicateKeyError(error)) return 'founder-has-open-case';
        throw error;
      }
    },
    async update(entry, expectedVersion, events) {
      const outbox = appendToOutbox(events, new Date());
      const unset = Object.fromEntries(
        (['closedAt', 'closeReasonCode'] as const)
          .filter((k) => entry[k] === undefined)
          .map((k) => [k, '']),
      );
      const result = await collection.updateOne({ _id: entry.caseId, version: expectedVersion }, {
        $set: { ...fieldsOf(entry), openKey: openKeyOf(entry), ...outbox.$set },
        $push: outbox.$push,
        $inc: { ...outbox.$inc, version: 1 },
        ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
      } as mongoose.mongo.UpdateFilter<CaseDocument>);
      return result.matchedCount === 1;
    },
    get: async (caseId) => loaded(await collection.findOne({ _id: caseId })),
    openOf: async (founderId) => loaded(await collection.findOne({ openKey: founderId })),
    async latestOf(founderId) {
      const [latest] = await collection
        .find({ founderId })
        .sort({ assignedAt: -1 })
        .limit(1)
        .toArray();
      return latest === undefined ? undefined : toCase(latest);
    },
    async byApplication(applicationId) {
      const [latest] = await collection
        .find({ applicationId })
        .sort({ assignedAt: -1 })
        .limit(1)
        .toArray();
      return latest === undefined ? undefined : toCase(latest);
    },
    async open(filter = {}) {
      const query = {
        status: 'open' as const,
        ...(filter.counsellorId === undefined ? {} : { counsellorId: filter.counsellorId }),
      };
      const documents = await collection.find(query).sort({ assignedAt: 1 }).toArray();
      return documents.map(toCase);
    },
  };
}
