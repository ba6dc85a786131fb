import { Kafka, logLevel } from 'kafkajs';
import {
  startServiceProcess,
  staysTrue,
  testInfrastructure,
  uniqueGroup,
  waitFor,
  type ServiceProcess,
} from '@grunderboost/testkit';
import { accept, application, startSkeleton, summary, type Skeleton } from './e2e/skeleton';

let skeleton: Skeleton;

beforeAll(async () => {
  skeleton = await startSkeleton();
}, 180_000);

afterAll(async () => {
  await skeleton?.stop();
});

async function restartIntake(faults: Record<string, string>): Promise<ServiceProcess> {
  await skeleton.intake.stop('SIGKILL');
  skeleton.intake = await startServiceProcess({
    name: 'intake',
    entry: 'services/intake/src/main.ts',
    env: { ...skeleton.intakeEnv, ...faults },
    port: Number(skeleton.intakeEnv.PORT),
  });
  return skeleton.intake;
}

async function post(intake: ServiceProcess, index: number, idempotencyKey: string) {
  const response = await fetch(`${intake.url}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(application(index)),
  });
  return {
    status: response.status,
    body: (await response.json()) as { applicationId: string; founderId: string },
  };
}

/** How often each application's ApplicationSubmitted event is on the (prefixed) topic. */
async function submittedCopies(prefix: string) {
  const kafka = new Kafka({
    clientId: 'e2e-reader',
    brokers: testInfrastructure().kafkaBrokers,
    logLevel: logLevel.WARN,
  });
  const consumer = kafka.consumer({ groupId: uniqueGroup('e2e-crash') });
  const copies = new Map<string, number>();
  await consumer.connect();
  await consumer.subscribe({ topic: `${prefix}.intake.applications`, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value?.toString() ?? '{}') as {
        type?: string;
        data?: { applicationId?: string };
      };
      // The topic also carries the triage decisions; only the submissions are counted here.
      if (event.type !== 'intake.ApplicationSubmitted.v1') return;
      const id = event.data?.applicationId ?? 'unknown';
      copies.set(id, (copies.get(id) ?? 0) + 1);
    },
  });
  return { copies, stop: () => consumer.disconnect() };
}

const countsStay = (applications: number, assignments: number) =>
  staysTrue(
    async () => {
      const current = await summary(skeleton.metrics);
      return current.applications === applications && current.assignments === assignments;
    },
    {
      description: `the summary to stay at ${applications}/${assignments}`,
      timeoutMs: 3_000,
      intervalMs: 250,
    },
  );

const countsReach = (applications: number, assignments: number) =>
  waitFor(
    async () => {
      const current = await summary(skeleton.metrics);
      return current.applications === applications && current.assignments === assignments;
    },
    {
      description: `the summary to reach ${applications}/${assignments}`,
      timeoutMs: 60_000,
      intervalMs: 300,
    },
  );

describe('intake killed between its write and its publish', () => {
  it('publishes the stored event after a restart, and it arrives exactly once downstream', async () => {
    const reader = await submittedCopies(skeleton.prefix);
    try {
      // The write happens, the relay never runs: as if the process died right after the write.
      const silent = await restartIntake({ OUTBOX_RELAY_ENABLED: 'false' });
      const created = await post(silent, 1, 'crash-before-publish');
      expect(created.status).toBe(201);
      await accept(silent.url, created.body.applicationId); // also waits in the outbox
      await countsStay(0, 0);
      expect(reader.copies.get(created.body.applicationId)).toBeUndefined();

      await restartIntake({}); // SIGKILL, then a normal start
      await countsReach(1, 1);
      await countsStay(1, 1);
      expect(reader.copies.get(created.body.applicationId)).toBe(1);
    } finally {
      await reader.stop();
    }
  });

  it('counts an event once when the process dies after Kafka acknowledged it and before marking it sent', async () => {
    const reader = await submittedCopies(skeleton.prefix);
    try {
      const dying = await restartIntake({ FAULT_EXIT_AFTER_PUBLISH: 'true' });
      // The process may die before or after answering: the idempotency key makes a retry safe.
      await post(dying, 2, 'crash-after-publish').catch(() => undefined);
      expect(await dying.exited).toBe(137);

      const restarted = await restartIntake({});
      const retried = await post(restarted, 2, 'crash-after-publish');
      expect(retried.status).toBeLessThan(300);
      const applicationId = retried.body.applicationId;
      await accept(restarted.url, applicationId);

      // Published once before the crash and once more after it, yet counted once.
      await waitFor(() => reader.copies.get(applicationId) === 2, {
        description: 'the event published again after the restart',
        timeoutMs: 60_000,
      });
      await countsReach(2, 2);
      await countsStay(2, 2);
    } finally {
      await reader.stop();
    }
  });
});
