import { messageOf, pollUntil } from '../lib/main';
import {
  JOURNEY_SERVICES,
  restartService,
  runScope,
  service,
  startServices,
} from '../lib/services';
import { counsellorToken } from '../e2e/journeys';
import { startDedupConsumer } from './dedup-consumer';
import { inParallel, submitAndAccept } from './journeys';
import { secondsSince, type ScenarioContext, type ScenarioResult } from './scenario';
import { describe, figuresOf, missing, missingExamples } from './tally';

/**
 * worker_kill: the Temporal journey worker is SIGKILLed in the middle of 100 journeys (quick 20)
 * and started again; every accepted journey should reach exactly one CounsellorAssigned.
 * Counted per founder on counselling's assignments topic, after dropping copies by event id.
 */
const ASSIGNED = 'counselling.CounsellorAssigned.v1';

export async function workerKill(context: ScenarioContext): Promise<ScenarioResult> {
  const { cleanup, say, signal } = context;
  const journeys = context.quick ? 20 : 100;
  const scope = runScope(context.stack, 'faults_worker');
  say(`starting ${JOURNEY_SERVICES.join(', ')} (prefix ${scope.prefix})`);
  const started = await startServices([...JOURNEY_SERVICES], scope, cleanup, {
    keep: context.keep,
  });
  const reader = await startDedupConsumer({
    brokers: scope.brokers,
    groupId: `${scope.prefix}.faults-reader`,
    topics: [`${scope.prefix}.counselling.assignments`],
    keyOf: (event) => (event.type === ASSIGNED ? event.subject : undefined),
  });
  cleanup.unshift({ what: 'stop the assignment reader', run: () => reader.stop() });
  const intakeUrl = service(started, 'intake').url;
  const token = await counsellorToken(intakeUrl);
  const founders = new Set<string>();
  const failures: string[] = [];
  const journey = async (index: number) => {
    const outcome = await submitAndAccept(intakeUrl, token, index).catch((error: unknown) => ({
      failure: messageOf(error),
    }));
    if ('failure' in outcome) failures.push(outcome.failure);
    else founders.add(outcome.founderId);
  };
  const start = Date.now();
  const half = journeys / 2;
  await inParallel(0, half, 4, journey);
  // In the middle: the first journeys are being assigned, the others not yet started.
  await pollUntil(() => Promise.resolve(reader.tally.applied.size > 0), {
    timeoutMs: 60_000,
    intervalMs: 100,
    signal,
  });
  const worker = service(started, 'journey-worker');
  const assignedAtKill = reader.tally.applied.size;
  if (worker.child.pid !== undefined) process.kill(worker.child.pid, 'SIGKILL');
  await worker.exited;
  const killedAt = Date.now();
  say(
    `worker SIGKILLed with ${assignedAtKill}/${founders.size} journeys assigned; accepting the rest`,
  );
  await inParallel(half, journeys, 4, journey);
  await restartService(started, 'journey-worker', cleanup);
  const downSeconds = secondsSince(killedAt);
  say(`worker started again after ${downSeconds} s; waiting for the assignments`);
  await pollUntil(() => Promise.resolve(missing(founders, reader.tally) === 0), {
    timeoutMs: (context.quick ? 90 : 180) * 1000,
    intervalMs: 500,
    signal,
  });
  // Copies and doubles come late, if at all: give them a moment to show.
  await new Promise((done) => setTimeout(done, 3_000));
  const figures = figuresOf(founders, reader.tally);
  say(`${describe(figures)}; ${failures.length} journeys failed before the worker`);
  return {
    ...figures,
    missing_examples: missingExamples(founders, reader.tally),
    journeys,
    kills: 1,
    assigned_at_kill: assignedAtKill,
    worker_down_seconds: downSeconds,
    failed_before_worker: failures.length,
    seconds: secondsSince(start),
  };
}
