import { appendToOutbox, type DocumentLock, type OutboxEvent } from '@grunderboost/messaging';
import type { ApplicationStore } from '../app/ports';
import {
  lookupKeys,
  storedKey,
  toApplication,
  toDocument,
  type ApplicationCollection,
} from './application-document';
import { isDuplicateKeyError } from './duplicate-key';
import { searchApplications } from './application-search';
import type { LookupKeysStore } from './lookup-keys';
import { isOpen, type Application } from '../domain/application';

/** Fields an application may lose (erasure, a cleared optional field): unset when absent. */
const OPTIONAL_FIELDS = [
  'organisationNumber',
  'businessStartedOn',
  'background',
  'triage',
  'withdrawnAt',
  'erasedAt',
] as const;

/**
 * Unique idempotency keys, the relay's sweep, and staff search (e-mail, newest first). Request-path
 * lookups go by _id instead (see below), so no index is kept for them.
 */
export async function ensureApplicationIndexes(collection: ApplicationCollection): Promise<void> {
  await collection.createIndex({ idempotencyKey: 1 }, { unique: true, name: 'idempotencyKey_1' });
  await collection.createIndex({ outboxNextAttemptAt: 1 }, { name: 'outboxNextAttemptAt_1' });
  await collection.createIndex({ emailKey: 1 }, { name: 'emailKey_1' });
  await collection.createIndex({ createdAt: -1, _id: -1 }, { name: 'createdAt_-1__id_-1' });
}

/** The $set/$unset of a whole application, as the domain returned it. */
function replacement(application: Application) {
  const { applicationId: _id, version: _version, ...fields } = application;
  const set: Record<string, unknown> = { ...fields, ...lookupKeys(application) };
  const unset: Record<string, ''> = {};
  for (const field of OPTIONAL_FIELDS) {
    if (application[field] === undefined) {
      delete set[field];
      unset[field] = '';
    }
  }
  return { set, unset };
}

/**
 * Every lookup on the request path is by _id (FerretDB 1.x scans the collection for any other
 * filter, ADR 0004): applications by id, retries by the id derived from their key, and e-mail,
 * phone, organisation number and founder through the lookup keys. Staff search scans.
 */
export function mongoApplicationStore(
  collection: ApplicationCollection,
  lock: DocumentLock,
  lookups: LookupKeysStore,
): ApplicationStore {
  const findById = async (applicationId: string) => {
    const document = await collection.findOne({ _id: applicationId });
    return document === null ? undefined : toApplication(document);
  };

  return {
    async create(application, events, idempotency) {
      const key = storedKey(application.applicationId, idempotency?.key);
      const document = {
        ...toDocument(application, events, key),
        requestHash: idempotency?.requestHash,
      };
      try {
        await collection.insertOne(document);
      } catch (error) {
        // The _id is derived from the key for idempotent requests: a collision is a retry.
        if (isDuplicateKeyError(error)) return 'duplicate-idempotency-key';
        throw error;
      }
      await lookups.remember(application);
      return 'created';
    },

    async save(application, expectedVersion, events: OutboxEvent[]) {
      const { set, unset } = replacement(application);
      const outbox = appendToOutbox(events, application.updatedAt);
      const result = await lock(application.applicationId, () =>
        collection.updateOne(
          { _id: application.applicationId, version: expectedVersion },
          {
            $set: { ...set, ...(events.length > 0 ? outbox.$set : {}) },
            ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
            $inc: { version: 1, ...(events.length > 0 ? outbox.$inc : {}) },
            ...(events.length > 0 ? { $push: outbox.$push } : {}),
          },
        ),
      );
      if (result.matchedCount !== 1) return 'conflict';
      if (application.status !== 'erased') await lookups.remember(application);
      return 'saved';
    },

    findById,

    async findIdempotent(applicationId) {
      const document = await collection.findOne({ _id: applicationId });
      if (document === null) return undefined;
      return { application: toApplication(document), requestHash: document.requestHash };
    },

    forgetLookups: (application) => lookups.forget(application),

    async findOpenDuplicate(contact, organisationNumber, excludeId) {
      // The newest application of each key is checked: an older open one with the same key would
      // already have flagged that newest one as its duplicate.
      for (const { on, document } of await lookups.find(contact, organisationNumber)) {
        if (document.lastApplicationId === excludeId) continue;
        const last = await findById(document.lastApplicationId);
        if (last !== undefined && isOpen(last)) {
          return { applicationId: last.applicationId, matchedOn: on };
        }
      }
      return undefined;
    },

    async founderIdForEmail(email) {
      // Without phone and organisation number, the only key found is the e-mail's.
      const [found] = await lookups.find({ name: '', email }, undefined);
      return found?.document.founderId;
    },

    async findByFounder(founderId) {
      const ids = await lookups.applicationIdsOf(founderId);
      const applications = await Promise.all(ids.map(findById));
      return applications
        .filter((a): a is Application => a !== undefined)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    },

    search: (filters, page) => searchApplications(collection, filters, page),
  };
}
