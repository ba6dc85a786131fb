import { randomUUID } from 'node:crypto';
import { newApplication } from '@grunderboost/intake/src/domain/lifecycle';
import type { Application } from '@grunderboost/intake/src/domain/application';
import { applicationEvents } from '@grunderboost/intake/src/messaging/application-events';
import {
  storedKey,
  toDocument,
  type ApplicationDocument,
} from '@grunderboost/intake/src/persistence/application-document';
import { contactKeys, LOOKUP_COLLECTION } from '@grunderboost/intake/src/persistence/lookup-keys';
import { APPLICATIONS_COLLECTION } from '@grunderboost/intake/src/persistence/application-document';
import { applicationRequestSchema } from '@grunderboost/intake/src/http/schemas';
import { applicationBody } from '../intake/application-body';
import type { BenchCollection, BenchConnection } from './mongo';

/**
 * Stored applications in intake's own schema, built with intake's own domain code (the request
 * schema, newApplication, the outbox event builders, toDocument, the hashed lookup keys), and
 * inserted in bulk: the database looks as if intake had taken these applications over the last
 * three years. Seeded founders use their own e-mail domain and phone range, so the load that
 * follows (bench/intake/application-body.ts) is never a duplicate of them.
 */
const requestSchema = applicationRequestSchema(['nb', 'en']);
const DAY_MS = 86_400_000;
const CHUNK = 500;

export interface SeedOptions {
  topicPrefix: string;
  /** Pending: the relay has yet to publish the events (pipeline); sent: history (growth). */
  outbox: 'pending' | 'sent';
  /** Seed index of the first document (growth seeds in steps: 0..10k, then 10k..1M). */
  from: number;
  to: number;
  now?: Date;
  /** For pending outboxes: when the relay may take them (all at once: a released backlog). */
  releaseAt?: Date;
  onProgress?: (done: number) => void;
  /** Stop after the chunk that passes this moment (ms since the epoch): a bounded run. */
  deadline?: number;
}

const eventsFor = (prefix: string) => applicationEvents(prefix, () => undefined);

/** The i-th seeded application: two in three accepted by a counsellor, the rest waiting. */
export function seededApplication(i: number, prefix: string, now: Date) {
  const body = applicationBody(i) as { contact: Record<string, string> };
  body.contact = {
    ...body.contact,
    email: `seeded-${i}@growth.example.no`,
    phone: `+47 4${String(i % 10_000_000).padStart(7, '0')}`,
  };
  const { consents, ...details } = requestSchema.parse(body);
  const createdAt = new Date(now.getTime() - (i % 1_095) * DAY_MS - (i % 86_400) * 1_000);
  const ids = { applicationId: randomUUID(), founderId: randomUUID() };
  let application: Application = newApplication(details, consents, ids, [], createdAt);
  const outbox = [eventsFor(prefix).submitted(application)];
  if (i % 3 !== 0) {
    const triagedAt = new Date(createdAt.getTime() + DAY_MS);
    application = {
      ...application,
      status: 'accepted',
      triage: {
        decision: 'accepted',
        reasonCodes: ['eligible'],
        triagedBy: randomUUID(),
        triagedAt,
        automatic: false,
        overrulesAutomatic: false,
      },
      updatedAt: triagedAt,
      version: 2,
    };
    outbox.push(eventsFor(prefix).triaged(application));
  }
  const document = toDocument(application, outbox, storedKey(ids.applicationId, undefined));
  return { application, document };
}

function withOutbox(document: ApplicationDocument, options: SeedOptions): ApplicationDocument {
  if (options.outbox === 'pending') {
    return { ...document, outboxNextAttemptAt: options.releaseAt ?? document.outboxNextAttemptAt };
  }
  return markSent(document);
}

function markSent(document: ApplicationDocument): ApplicationDocument {
  const sentAt = document.updatedAt;
  return {
    ...document,
    outbox: document.outbox.map((entry) => ({ ...entry, status: 'sent', sentAt })),
    outboxNextAttemptAt: null,
  };
}

/** The lookup documents intake's store keeps per application (lookup-keys.ts). */
function lookupDocuments(application: Application) {
  const keys = contactKeys(application.contact, application.organisationNumber).map(({ id }) => ({
    _id: id,
    founderId: application.founderId,
    lastApplicationId: application.applicationId,
    updatedAt: application.createdAt,
  }));
  const founder = { _id: application.founderId, applicationIds: [application.applicationId] };
  return { keys, founder };
}

/**
 * SQLite answers "database is locked" (SQLITE_BUSY) when another writer of the same database
 * (the services under test) holds it too long, and an insert whose answer never comes times out
 * (BENCH_SOCKET_TIMEOUT_MS): either way the chunk is tried again. An unordered insert may have
 * stored part of the chunk before, so duplicate-key errors (E11000) then count as done.
 */
async function insertRetrying(collection: BenchCollection, documents: object[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await collection.insertMany(documents, { ordered: false });
      return;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/E11000|duplicate key/i.test(message) && !/SQLITE_BUSY/.test(message)) return;
      const retriable = /SQLITE_BUSY|database is locked|timed out|connection .* closed/i;
      if (!retriable.test(message) || attempt >= 20) throw error;
      await new Promise((done) => setTimeout(done, 500 * attempt));
    }
  }
}

/** Inserts applications `from`..`to` (exclusive) with their lookup keys, CHUNK at a time. */
export async function seedApplications(
  connection: BenchConnection,
  options: SeedOptions,
): Promise<{ documents: number; events: number; seconds: number }> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const applications = connection.collection(APPLICATIONS_COLLECTION);
  const keys = connection.collection(LOOKUP_COLLECTION);
  const founders = connection.collection(`${LOOKUP_COLLECTION}_founders`);
  let events = 0;
  let done = 0;
  for (let start = options.from; start < options.to; start += CHUNK) {
    const documents: ApplicationDocument[] = [];
    const keyDocuments: object[] = [];
    const founderDocuments: object[] = [];
    for (let i = start; i < Math.min(options.to, start + CHUNK); i++) {
      const { application, document } = seededApplication(i, options.topicPrefix, now);
      documents.push(withOutbox(document, options));
      events += document.outbox.length;
      const lookups = lookupDocuments(application);
      keyDocuments.push(...lookups.keys);
      founderDocuments.push(lookups.founder);
    }
    // One after the other: FerretDB's SQLite backend takes one writer per database at a time.
    await insertRetrying(applications, documents);
    await insertRetrying(keys, keyDocuments);
    await insertRetrying(founders, founderDocuments);
    done = Math.min(options.to, start + CHUNK) - options.from;
    options.onProgress?.(done);
    if (options.deadline !== undefined && Date.now() >= options.deadline) break;
  }
  return { documents: done, events, seconds: (Date.now() - started) / 1000 };
}
