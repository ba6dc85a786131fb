import { applicationBody } from '../intake/application-body';

/**
 * One founder's way in: an application through intake's API, then a counsellor accepts it
 * (the journey assigns only accepted applications, ADR 0006). Returns the ids, or what failed.
 */
export async function submitAndAccept(
  intakeUrl: string,
  token: string,
  index: number,
): Promise<{ founderId: string; applicationId: string } | { failure: string }> {
  const submitted = await fetch(`${intakeUrl}/applications`, {
    method: 'POST',
    signal: AbortSignal.timeout(30_000),
    headers: { 'content-type': 'application/json', 'idempotency-key': `faults-${index}` },
    body: JSON.stringify(applicationBody(index)),
  });
  if (submitted.status !== 201) return { failure: `submit ${submitted.status}` };
  const ids = (await submitted.json()) as { applicationId: string; founderId: string };
  const triaged = await fetch(`${intakeUrl}/applications/${ids.applicationId}/triage`, {
    method: 'POST',
    signal: AbortSignal.timeout(30_000),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ decision: 'accepted', reasonCodes: ['eligible'] }),
  });
  if (triaged.status >= 300) return { failure: `triage ${triaged.status}` };
  return ids;
}

/** Runs `work(index)` for indexes [from, to) with at most `parallel` at a time. */
export async function inParallel(
  from: number,
  to: number,
  parallel: number,
  work: (index: number) => Promise<void>,
): Promise<void> {
  let next = from;
  const lane = async () => {
    while (next < to) await work(next++);
  };
  await Promise.all(Array.from({ length: parallel }, lane));
}
