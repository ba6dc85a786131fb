import { appendToOutbox, type DocumentLock, type OutboxEvent } from '@grunderboost/messaging';
import type { ApplicationStore } from '../app/ports';
import type { Application } from '../domain/application';
import {
  emailKeyOf,
  lookupKeys,
  phoneKeyOf,
  storedKey,
  toApplication,
  toDocument,
  type ApplicationCollection,
  type ApplicationDocument,
} from './application-document';
import { isDuplicateKeyError } from './duplicate-key';
import { searchApplications } from './application-search';

/** Fields an application may lose (erasure, a cleared optional field): unset when absent. */
const OPTIONAL_FIELDS = [
  'organisationNumber',
  'businessStartedOn',
  'background',
  'triage',
  'withdrawnAt',
  'erasedAt',
] as const;

/** Unique idempotency keys; lookups for duplicates, founders and the relay's due documents. */
export async function ensureApplicationIndexes(collection: ApplicationCollection): Promise<void> {
  await collection.createIndex({ idempotencyKey: 1 }, { unique: true, name: 'idempotencyKey_1' });
  await collection.createIndex({ outboxNextAttemptAt: 1 }, { name: 'outboxNextAttemptAt_1' });
  await collection.createIndex({ emailKey: 1 }, { name: 'emailKey_1' });
  await collection.createIndex({ phoneKey: 1 }, { name: 'phoneKey_1' });
  await collection.createIndex({ organisationNumber: 1 }, { name: 'organisationNumber_1' });
  await collection.createIndex({ founderId: 1 }, { name: 'founderId_1' });
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

export function mongoApplicationStore(
  collection: ApplicationCollection,
  lock: DocumentLock,
): ApplicationStore {
  const OPEN = { $in: ['submitted', 'accepted'] };
  const one = async (filter: Parameters<ApplicationCollection['findOne']>[0]) => {
    const document = await collection.findOne(filter);
    return document === null ? undefined : toApplication(document);
  };

  return {
    async create(application, events, idempotencyKey) {
      const key = storedKey(application.applicationId, idempotencyKey);
      try {
        await collection.insertOne(toDocument(application, events, key));
        return 'created';
      } catch (error) {
        // _id is a fresh uuid, so the only unique index this insert can collide on is the key's.
        if (isDuplicateKeyError(error)) return 'duplicate-idempotency-key';
        throw error;
      }
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
      return result.matchedCount === 1 ? 'saved' : 'conflict';
    },

    findById: (applicationId) => one({ _id: applicationId }),
    findByIdempotencyKey: (idempotencyKey) => one({ idempotencyKey: `client:${idempotencyKey}` }),

    async findOpenDuplicate(contact, organisationNumber, excludeId) {
      const candidates: Array<{ on: 'email' | 'phone' | 'organisation-number'; filter: object }> = [
        { on: 'email', filter: { emailKey: emailKeyOf(contact.email) } },
      ];
      if (contact.phone !== undefined) {
        candidates.push({ on: 'phone', filter: { phoneKey: phoneKeyOf(contact.phone) } });
      }
      if (organisationNumber !== undefined) {
        candidates.push({ on: 'organisation-number', filter: { organisationNumber } });
      }
      // One indexed query per key, in a fixed order, so the reported match is predictable.
      for (const { on, filter } of candidates) {
        const query = {
          ...filter,
          status: OPEN,
          ...(excludeId === undefined ? {} : { _id: { $ne: excludeId } }),
        } as Parameters<ApplicationCollection['findOne']>[0];
        const found = await collection.findOne(query, { projection: { _id: 1 } });
        if (found !== null) return { applicationId: found._id, matchedOn: on };
      }
      return undefined;
    },

    async founderIdForEmail(email) {
      const found = await collection
        .find({ emailKey: emailKeyOf(email) }, { projection: { founderId: 1, createdAt: 1 } })
        .sort({ createdAt: -1 })
        .limit(1)
        .toArray();
      return found[0]?.founderId;
    },

    async findByFounder(founderId) {
      const documents = await collection.find({ founderId }).sort({ createdAt: 1 }).toArray();
      return documents.map((document: ApplicationDocument) => toApplication(document));
    },

    search: (filters, page) => searchApplications(collection, filters, page),
  };
}
