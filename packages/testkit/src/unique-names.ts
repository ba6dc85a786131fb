import { randomBytes } from 'node:crypto';

/**
 * Names that no other test (in this run, a parallel worker, or an earlier run against
 * the same long-lived servers) uses: topics, consumer groups, databases, task queues.
 * Kafka topics allow [a-zA-Z0-9._-]; MongoDB database names must stay under 64 bytes.
 */
export function uniqueName(prefix: string): string {
  const safePrefix = prefix.replace(/[^a-zA-Z0-9_-]/g, '-').slice(0, 30);
  const worker = process.env.JEST_WORKER_ID ?? '0';
  return `${safePrefix}-w${worker}-${randomBytes(5).toString('hex')}`;
}

export const uniqueTopic = (name: string): string => uniqueName(`t-${name}`);
export const uniqueGroup = (name: string): string => uniqueName(`g-${name}`);
export const uniqueDatabase = (name: string): string => uniqueName(`db_${name}`).replace(/-/g, '_');
export const uniqueTaskQueue = (name: string): string => uniqueName(`q-${name}`);
