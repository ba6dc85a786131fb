import type { LoadResult, WindowResult } from '../lib/load';
import type { BenchDatabase } from './bench-data';
import type { RelayDrain, StoredCheck } from './report';

/**
 * How far the outbox relay is behind when the load stops, and whether it catches up within
 * `maxSeconds` (intake may still be working through requests the load generator gave up on).
 */
export async function waitForRelay(
  database: BenchDatabase,
  maxSeconds: number,
  signal: AbortSignal,
  say: (line: string) => void,
): Promise<RelayDrain> {
  const started = Date.now();
  const pendingAtEndOfLoad = await database.countPendingOutbox();
  let pending = pendingAtEndOfLoad;
  say(`relay: ${pending} applications with unpublished events; waiting up to ${maxSeconds} s`);
  while (pending > 0 && Date.now() - started < maxSeconds * 1000 && !signal.aborted) {
    await new Promise((done) => setTimeout(done, 500));
    pending = await database.countPendingOutbox();
  }
  const waitedSeconds = Math.round((Date.now() - started) / 100) / 10;
  say(`relay: ${pending} left after ${waitedSeconds} s`);
  signal.throwIfAborted();
  return { pendingAtEndOfLoad, pendingAfterWait: pending, waitedSeconds };
}

/**
 * Nothing lost: every application intake answered 201 for is in its database, and nothing is
 * there that no request accounts for (requests cut off in flight may or may not have landed).
 */
export async function storedCheck(
  database: BenchDatabase,
  intake: LoadResult,
): Promise<StoredCheck> {
  const sum = (pick: (window: WindowResult) => number) =>
    1 + pick(intake.warmup) + pick(intake.measured); // 1: the probe
  const created = sum((window) => window.byCode['201'] ?? 0);
  const stored = await database.countApplications();
  return {
    stored,
    created,
    answered2xx: sum((window) => window.status['2xx']),
    nothingLost: stored >= created && stored <= created + intake.unanswered,
  };
}
