import { applicationBody } from '../intake/application-body';
import { sleep } from '../lib/main';

/**
 * Waits until intake answers a new application within a second again, twice in a row. Why:
 * the end-to-end load is an open loop beyond what intake manages here, and intake goes on
 * working through the requests the bench gave up on (and the journeys through their
 * activities) for a while after it. Seeding or measuring during that backlog would measure the
 * backlog, not the database's size. Returns the seconds waited (or the limit, if never quiet).
 */
let probeIndex = 40_000_000;

export async function settle(intakeUrl: string, limitSeconds: number, signal: AbortSignal) {
  const started = Date.now();
  let fastInARow = 0;
  while (fastInARow < 2 && Date.now() - started < limitSeconds * 1000) {
    signal.throwIfAborted();
    const sent = Date.now();
    const answer = await fetch(`${intakeUrl}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(applicationBody(probeIndex++)),
      signal: AbortSignal.timeout(limitSeconds * 1000),
    }).catch(() => undefined);
    fastInARow = answer?.status === 201 && Date.now() - sent < 1_000 ? fastInARow + 1 : 0;
    if (fastInARow < 2) await sleep(1_000);
  }
  return Math.round((Date.now() - started) / 100) / 10;
}
