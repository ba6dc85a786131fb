import { randomUUID } from 'node:crypto';
import { applicationBody } from '../intake/application-body';
import { pollUntil, sayAs, sleep } from '../lib/main';
import { summariseLatencies, round } from '../lib/stats';
import type { AssignmentReader } from './assignments';

/**
 * Open-loop journeys at a fixed rate: each one submits an application, and as soon as intake
 * answers, a counsellor accepts it through intake's API (the journey assigns only accepted
 * applications, ADR 0006). New journeys start on schedule whether or not earlier ones are
 * done, as founders would, so a slow system shows as latency, not as a lower rate.
 */
export interface JourneyOptions {
  intakeUrl: string;
  reader: AssignmentReader;
  perSecond: number;
  seconds: number;
  /** Longest wait after the last submission for the assignments still missing. */
  waitSeconds: number;
  /** First application index (bodies differ per index; growth keeps runs apart). */
  firstIndex: number;
  name: string;
  signal: AbortSignal;
}

interface Journey {
  founderId?: string;
  submittedAt: number;
  submitMs?: number;
  acceptedAt?: number;
  failure?: string;
}

/** A staff token from intake's development issuer (LOCAL_TOKEN_ISSUER=true). */
export async function counsellorToken(intakeUrl: string): Promise<string> {
  const response = await fetch(`${intakeUrl}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffId: randomUUID(), roles: ['counsellor'] }),
  });
  if (!response.ok) throw new Error(`POST /dev/token answered ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A request without an answer after this long counts as failed (`timeout`), as a client gives up. */
const REQUEST_TIMEOUT_MS = 30_000;

async function runJourney(intakeUrl: string, token: string, index: number, journey: Journey) {
  const submitted = await fetch(`${intakeUrl}/applications`, {
    method: 'POST',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `e2e-${index}-${journey.submittedAt}`,
    },
    body: JSON.stringify(applicationBody(index)),
  });
  journey.submitMs = Date.now() - journey.submittedAt;
  if (submitted.status !== 201) {
    journey.failure = `submit ${submitted.status}`;
    return;
  }
  const { applicationId, founderId } = (await submitted.json()) as {
    applicationId: string;
    founderId: string;
  };
  journey.founderId = founderId;
  const triaged = await fetch(`${intakeUrl}/applications/${applicationId}/triage`, {
    method: 'POST',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ decision: 'accepted', reasonCodes: ['eligible'] }),
  });
  if (triaged.status >= 300) journey.failure = `triage ${triaged.status}`;
  else journey.acceptedAt = Date.now();
}

export async function measureJourneys(options: JourneyOptions) {
  const say = sayAs(options.name);
  const token = await counsellorToken(options.intakeUrl);
  const journeys: Journey[] = [];
  const running: Array<Promise<void>> = [];
  const started = Date.now();
  const total = Math.round(options.perSecond * options.seconds);
  let lastLine = started;
  while (journeys.length < total && !options.signal.aborted) {
    const due = Math.min(
      total,
      Math.floor(((Date.now() - started) / 1000) * options.perSecond) + 1,
    );
    while (journeys.length < due) {
      const journey: Journey = { submittedAt: Date.now() };
      const index = options.firstIndex + journeys.length;
      journeys.push(journey);
      running.push(
        runJourney(options.intakeUrl, token, index, journey).catch((error: unknown) => {
          journey.failure =
            error instanceof Error && error.name === 'TimeoutError'
              ? 'timeout'
              : error instanceof Error
                ? error.message
                : String(error);
        }),
      );
    }
    if (Date.now() - lastLine >= 5_000) {
      lastLine = Date.now();
      say(`${journeys.length}/${total} submitted, ${assigned(journeys, options.reader)} assigned`);
    }
    await sleep(10);
  }
  const loadSeconds = (Date.now() - started) / 1000;
  await Promise.all(running);
  options.signal.throwIfAborted();
  say(
    `all ${journeys.length} submitted in ${round(loadSeconds, 1)} s; waiting for the assignments`,
  );
  const expected = journeys.filter((j) => j.acceptedAt !== undefined);
  await pollUntil(
    async () => Promise.resolve(assigned(expected, options.reader) >= expected.length),
    {
      timeoutMs: options.waitSeconds * 1000,
      intervalMs: 500,
      signal: options.signal,
    },
  );
  return summarise(journeys, options, loadSeconds);
}

const assigned = (journeys: Journey[], reader: AssignmentReader) =>
  journeys.filter((j) => j.founderId !== undefined && reader.assignedAt(j.founderId) !== undefined)
    .length;

function summarise(journeys: Journey[], options: JourneyOptions, loadSeconds: number) {
  const submittedToAssigned: number[] = [];
  const acceptedToAssigned: number[] = [];
  for (const journey of journeys) {
    const at =
      journey.founderId === undefined ? undefined : options.reader.assignedAt(journey.founderId);
    if (at === undefined || journey.acceptedAt === undefined) continue;
    submittedToAssigned.push(at - journey.submittedAt);
    acceptedToAssigned.push(at - journey.acceptedAt);
  }
  const failures: Record<string, number> = {};
  for (const journey of journeys) {
    if (journey.failure !== undefined)
      failures[journey.failure] = (failures[journey.failure] ?? 0) + 1;
  }
  const accepted = journeys.filter((j) => j.acceptedAt !== undefined).length;
  return {
    perSecond: options.perSecond,
    plannedSeconds: options.seconds,
    loadSeconds: round(loadSeconds, 1),
    submitted: journeys.length,
    accepted,
    assigned: submittedToAssigned.length,
    missing: accepted - submittedToAssigned.length,
    duplicateAssignments: options.reader.duplicates(),
    failures,
    submittedToAssignedMs: summariseLatencies(submittedToAssigned),
    acceptedToAssignedMs: summariseLatencies(acceptedToAssigned),
    submitHttpMs: summariseLatencies(
      journeys.flatMap((j) => (j.submitMs === undefined ? [] : [j.submitMs])),
    ),
  };
}

export type JourneyResult = Awaited<ReturnType<typeof measureJourneys>>;
