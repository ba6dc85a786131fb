import { Kafka, logLevel } from 'kafkajs';
import { staysTrue, testInfrastructure, uniqueGroup, waitFor } from '@grunderboost/testkit';
import { accept, startSkeleton, submit, summary, type Skeleton } from './e2e/skeleton';

let skeleton: Skeleton;

beforeAll(async () => {
  skeleton = await startSkeleton();
}, 180_000);

afterAll(async () => {
  await skeleton?.stop();
});

/** Counts CounsellorAssigned events per founder on the skeleton's own topic. */
async function assignmentsPerFounder(prefix: string) {
  const kafka = new Kafka({
    clientId: 'e2e-reader',
    brokers: testInfrastructure().kafkaBrokers,
    logLevel: logLevel.WARN,
  });
  const consumer = kafka.consumer({ groupId: uniqueGroup('e2e-reader') });
  const perFounder = new Map<string, number>();
  await consumer.connect();
  await consumer.subscribe({ topic: `${prefix}.counselling.assignments`, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value?.toString() ?? '{}') as {
        type: string;
        subject: string;
      };
      if (event.type === 'counselling.CounsellorAssigned.v1') {
        perFounder.set(event.subject, (perFounder.get(event.subject) ?? 0) + 1);
      }
    },
  });
  return { perFounder, stop: () => consumer.disconnect() };
}

describe('walking skeleton: application → triage → journey → assignment → metrics', () => {
  it('gives each of 50 accepted founders exactly one counsellor, and the summary shows 50 and 50', async () => {
    const reader = await assignmentsPerFounder(skeleton.prefix);
    try {
      const submitted = await Promise.all(
        Array.from({ length: 50 }, (_, index) => submit(skeleton.intake.url, index)),
      );
      await Promise.all(
        submitted.map((application) => accept(skeleton.intake.url, application.applicationId)),
      );
      const founders = submitted.map((application) => application.founderId);
      expect(new Set(founders).size).toBe(50);

      await waitFor(
        async () => {
          const current = await summary(skeleton.metrics);
          return current.applications === 50 && current.assignments === 50 ? current : undefined;
        },
        {
          description: 'the summary to show 50 applications and 50 assignments',
          timeoutMs: 90_000,
          intervalMs: 500,
        },
      );
      await waitFor(() => reader.perFounder.size === 50, {
        description: '50 founders on the assignments topic',
      });

      for (const founderId of founders) {
        const response = await fetch(`${skeleton.counselling.url}/assignments/${founderId}`);
        expect(response.status).toBe(200);
        expect(reader.perFounder.get(founderId)).toBe(1);
      }
      // Nothing arrives twice later on either.
      await staysTrue(
        async () => {
          const current = await summary(skeleton.metrics);
          return current.applications === 50 && current.assignments === 50;
        },
        { description: 'the summary to stay at 50 and 50', timeoutMs: 2_000, intervalMs: 250 },
      );
    } finally {
      await reader.stop();
    }
  });
});
