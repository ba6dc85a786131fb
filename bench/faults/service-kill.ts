import { messageOf, pollUntil, sleep } from '../lib/main';
import { restartService, runScope, service, startServices, type Started } from '../lib/services';
import { applicationBody } from '../intake/application-body';
import { startDedupConsumer } from './dedup-consumer';
import { inParallel } from './journeys';
import { secondsSince, type ScenarioContext, type ScenarioResult } from './scenario';
import { describe, figuresOf, missing, missingExamples } from './tally';

/**
 * service_kill: intake dies between its write and its publish, deterministically, with the
 * test-only faults intake's config has (services/intake/src/config.ts):
 *   1. intake runs with OUTBOX_RELAY_ENABLED=false: every 201 is committed to Mongo with its
 *      outbox, and nothing is published; then it is SIGKILLed.
 *   2. It starts with the relay on and FAULT_EXIT_AFTER_PUBLISH=true: the relay publishes a
 *      batch and the process exits (137) after Kafka's acknowledgement, before the outbox mark.
 *   3. It starts normally: the relay publishes what is left, and the unmarked batch again.
 * Every accepted application should arrive exactly once (per application id, after dropping
 * copies by event id); the batch of step 2 arrives twice as raw copies.
 */
const SUBMITTED = 'intake.ApplicationSubmitted.v1';

export async function serviceKill(context: ScenarioContext): Promise<ScenarioResult> {
  const { cleanup, say, signal } = context;
  const applications = context.quick ? 30 : 150;
  const scope = runScope(context.stack, 'faults_service');
  say(`starting intake with its outbox relay off (prefix ${scope.prefix})`);
  const started = await startServices(['intake'], scope, cleanup, {
    keep: context.keep,
    env: { intake: { OUTBOX_RELAY_ENABLED: 'false' } },
  });
  const reader = await startDedupConsumer({
    brokers: scope.brokers,
    groupId: `${scope.prefix}.faults-reader`,
    topics: [`${scope.prefix}.intake.applications`],
    keyOf: (event) => (event.type === SUBMITTED ? applicationIdOf(event.data) : undefined),
  });
  cleanup.unshift({ what: 'stop the applications reader', run: () => reader.stop() });
  const start = Date.now();
  const accepted = await submitAll(service(started, 'intake').url, applications);
  await killIntake(started);
  say(`${accepted.ids.size} applications stored (201), none published; intake SIGKILLed`);
  const crashed = await publishAndCrash(started, cleanup);
  await sleep(2_000); // what the crashed relay had published reaches the reader
  const publishedBeforeMark = reader.tally.deliveries.size;
  say(
    `intake (FAULT_EXIT_AFTER_PUBLISH) exited ${crashed}; it had published ${publishedBeforeMark}`,
  );
  await restartService(started, 'intake', cleanup, {
    OUTBOX_RELAY_ENABLED: 'true',
    FAULT_EXIT_AFTER_PUBLISH: 'false',
  });
  say('intake started normally; waiting for every application downstream');
  await pollUntil(() => Promise.resolve(missing(accepted.ids, reader.tally) === 0), {
    timeoutMs: 90_000,
    intervalMs: 500,
    signal,
  });
  await sleep(3_000); // late copies, if any
  const figures = figuresOf(accepted.ids, reader.tally);
  say(describe(figures));
  return {
    ...figures,
    missing_examples: missingExamples(accepted.ids, reader.tally),
    applications,
    kills: 2,
    crash_exit: crashed,
    published_before_mark: publishedBeforeMark,
    failed_requests: accepted.failures,
    seconds: secondsSince(start),
  };
}

async function submitAll(intakeUrl: string, count: number) {
  const ids = new Set<string>();
  let failures = 0;
  await inParallel(0, count, 4, async (index) => {
    try {
      const response = await fetch(`${intakeUrl}/applications`, {
        method: 'POST',
        signal: AbortSignal.timeout(30_000),
        headers: { 'content-type': 'application/json', 'idempotency-key': `faults-${index}` },
        body: JSON.stringify(applicationBody(index)),
      });
      if (response.status === 201) {
        ids.add(((await response.json()) as { applicationId: string }).applicationId);
      } else failures += 1;
    } catch {
      failures += 1;
    }
  });
  return { ids, failures };
}

async function killIntake(started: Started): Promise<void> {
  const intake = service(started, 'intake');
  if (intake.child.pid !== undefined) process.kill(intake.child.pid, 'SIGKILL');
  await intake.exited;
}

/**
 * Started with the crash-after-publish fault, intake's relay sweeps at once, publishes, and the
 * process exits, usually before it answers /readyz: that failed start is the expected outcome.
 */
async function publishAndCrash(started: Started, cleanup: Parameters<typeof restartService>[2]) {
  const env = { OUTBOX_RELAY_ENABLED: 'true', FAULT_EXIT_AFTER_PUBLISH: 'true' };
  try {
    const child = await restartService(started, 'intake', cleanup, env);
    return String(await child.exited);
  } catch (error) {
    if (!messageOf(error).includes('exited during start-up')) throw error;
    return 'during start-up';
  }
}

const applicationIdOf = (data: Record<string, unknown> | undefined): string =>
  typeof data?.applicationId === 'string' ? data.applicationId : 'unknown';
