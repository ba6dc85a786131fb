import type { Problem } from './problem';

/**
 * Errors that say the database cannot serve right now, not that the request or the code is
 * wrong: FerretDB on SQLite answers "database is locked" (SQLITE_BUSY) when writers queue up
 * under load, and the driver gives up with these names when the server is away. The client
 * can try again, so they become 503 with Retry-After instead of a 500.
 */
const UNAVAILABLE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoWaitQueueTimeoutError',
]);
const BUSY_MESSAGE = /SQLITE_BUSY|database is locked/i;

/** Seconds a client should wait: a busy database frees up fast, a missing one takes longer. */
const RETRY_AFTER_BUSY_SECONDS = 1;
const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

export function databaseProblem(error: object): Problem | undefined {
  const { name, message } = error as { name?: unknown; message?: unknown };
  const busy = typeof message === 'string' && BUSY_MESSAGE.test(message);
  const away = typeof name === 'string' && UNAVAILABLE_NAMES.has(name);
  if (!busy && !away) return undefined;
  const seconds = busy ? RETRY_AFTER_BUSY_SECONDS : RETRY_AFTER_UNAVAILABLE_SECONDS;
  return {
    status: 503,
    title: 'Service Unavailable',
    detail: busy
      ? 'The database is busy. Please try again shortly (with the same Idempotency-Key, where the request has one).'
      : 'The database cannot be reached. Please try again shortly.',
    headers: { 'Retry-After': String(seconds) },
  };
}
