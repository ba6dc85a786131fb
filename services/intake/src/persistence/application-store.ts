import { newOutbox, type OutboxEvent, type OutboxFields } from '@grunderboost/messaging';
import type mongoose from 'mongoose';
import type { ApplicationStore } from '../app/ports';
import type { Application } from '../domain/application';
import { isDuplicateKeyError } from './duplicate-key';

export const APPLICATIONS_COLLECTION = 'applications';

export interface ApplicationDocument extends OutboxFields {
  _id: string;
  founderId: string;
  contact: Application['contact'];
  municipality: string;
  focusArea: Application['focusArea'];
  sector: string;
  stage: Application['stage'];
  language: Application['language'];
  referralSource: Application['referralSource'];
  status: Application['status'];
  createdAt: Date;
  /** Always set (see storedKey), so the unique index needs no partial or sparse option. */
  idempotencyKey: string;
}

export type ApplicationCollection = mongoose.mongo.Collection<ApplicationDocument>;

/**
 * FerretDB 1.x has no partial or sparse indexes, and a unique index counts every missing key as
 * the same null. Requests without a key therefore get one of their own. The namespaces cannot
 * collide: ':' is not allowed in client keys.
 */
const storedKey = (application: Application, clientKey: string | undefined): string =>
  clientKey === undefined ? `none:${application.applicationId}` : `client:${clientKey}`;

function toDocument(
  application: Application,
  events: OutboxEvent[],
  idempotencyKey: string,
): ApplicationDocument {
  const { applicationId, ...fields } = application;
  return {
    _id: applicationId,
    ...fields,
    idempotencyKey,
    ...newOutbox(events, application.createdAt),
  };
}

function toApplication(document: ApplicationDocument): Application {
  return {
    applicationId: document._id,
    founderId: document.founderId,
    contact: document.contact,
    municipality: document.municipality,
    focusArea: document.focusArea,
    sector: document.sector,
    stage: document.stage,
    language: document.language,
    referralSource: document.referralSource,
    status: document.status,
    createdAt: document.createdAt,
  };
}

export function applicationCollection(connection: mongoose.Connection): ApplicationCollection {
  return connection.collection<ApplicationDocument>(APPLICATIONS_COLLECTION);
}

/** Unique idempotency keys, and the relay's query (due outbox documents, oldest first). */
export async function ensureApplicationIndexes(collection: ApplicationCollection): Promise<void> {
  await collection.createIndex({ idempotencyKey: 1 }, { unique: true, name: 'idempotencyKey_1' });
  await collection.createIndex({ outboxNextAttemptAt: 1 }, { name: 'outboxNextAttemptAt_1' });
}

export function mongoApplicationStore(collection: ApplicationCollection): ApplicationStore {
  return {
    async create(application, events, idempotencyKey) {
      const document = toDocument(application, events, storedKey(application, idempotencyKey));
      try {
        await collection.insertOne(document);
        return 'created';
      } catch (error) {
        // _id is a fresh uuid, so the only unique index this insert can collide on is the key's.
        if (isDuplicateKeyError(error)) return 'duplicate-idempotency-key';
        throw error;
      }
    },
    async findById(applicationId) {
      const document = await collection.findOne({ _id: applicationId });
      return document === null ? undefined : toApplication(document);
    },
    async findByIdempotencyKey(idempotencyKey) {
      const document = await collection.findOne({ idempotencyKey: `client:${idempotencyKey}` });
      return document === null ? undefined : toApplication(document);
    },
  };
}
