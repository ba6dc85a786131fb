import { Client, Connection } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import {
  mailSink,
  sinkMails,
  startServiceProcess,
  testInfrastructure,
  uniqueGroup,
  uniqueName,
  waitFor,
  type MailSink,
} from '@grunderboost/testkit';
import { journeyWorkflowId, type founderJourney } from '../src';
import { accept, application, startSkeleton, type Skeleton } from './e2e/skeleton';

const JOURNEYS = 20;
let skeleton: Skeleton;
let sink: MailSink;
let lead: string;

beforeAll(async () => {
  sink = await mailSink();
  lead = `${uniqueName('lead')}@grunderboost.local`;
  skeleton = await startSkeleton({
    // Reminder and escalation at once after the assignment: two mails per journey to count.
    bridgeEnv: {
      FIRST_SESSION_REMINDER_WORKING_DAYS: '0',
      FIRST_SESSION_ESCALATION_WORKING_DAYS: '0',
    },
    workerEnv: { SMTP_URL: sink.smtpUrl, LEAD_EMAIL: lead },
  });
}, 180_000);

afterAll(async () => {
  await skeleton?.stop();
});

interface Created {
  applicationId: string;
  founderId: string;
  linkToken: string;
}

async function submit(index: number, domain: string): Promise<Created> {
  const body = application(index);
  const response = await fetch(`${skeleton.intake.url}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, contact: { ...body.contact, email: `f${index}@${domain}` } }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Created;
}

async function withdraw(created: Created): Promise<void> {
  const response = await fetch(
    `${skeleton.intake.url}/applications/${created.applicationId}/withdrawal`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'founder-token': created.linkToken },
      body: JSON.stringify({}),
    },
  );
  expect(response.status).toBeLessThan(300);
}

/**
 * From the skeleton's topics: CounsellorAssigned events per founder, and each founder's stage
 * changes by event id (a retried publish repeats an id, which consumers drop).
 */
async function readTopics() {
  const kafka = new Kafka({
    clientId: 'e2e-reader',
    brokers: testInfrastructure().kafkaBrokers,
    logLevel: logLevel.WARN,
  });
  const consumer = kafka.consumer({ groupId: uniqueGroup('e2e-kill') });
  const perFounder = new Map<string, number>();
  const stages = new Map<string, Map<string, string>>();
  await consumer.connect();
  await consumer.subscribe({
    topics: [`${skeleton.prefix}.counselling.assignments`, `${skeleton.prefix}.journey.stages`],
    fromBeginning: true,
  });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value?.toString() ?? '{}') as {
        id: string;
        type: string;
        subject: string;
        data: { to?: string };
      };
      if (event.type === 'counselling.CounsellorAssigned.v1') {
        perFounder.set(event.subject, (perFounder.get(event.subject) ?? 0) + 1);
      }
      if (event.type === 'journey.StageChanged.v1') {
        const byId = stages.get(event.subject) ?? new Map<string, string>();
        byId.set(event.id, event.data.to ?? '');
        stages.set(event.subject, byId);
      }
    },
  });
  return { perFounder, stages, stop: () => consumer.disconnect() };
}

/** The sink's mails of this test's journeys, by notification key. */
async function mailsByKey(founders: Set<string>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const mail of await sinkMails(sink)) {
    const key = mail.headers['x-grunderboost-notification'] ?? '';
    if (!founders.has(key.split(':')[1] ?? '')) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('journey worker killed in the middle of 20 journeys', () => {
  it('finishes every journey with one assignment each and no e-mail twice', async () => {
    const reader = await readTopics();
    const store = await mongoose.createConnection(skeleton.workerEnv.MONGO_URL ?? '').asPromise();
    const claims = async () =>
      (await store.db
        ?.collection<{ _id: string; status: string }>('sent_notifications')
        .find({})
        .toArray()) ?? [];
    const connection = await Connection.connect({ address: testInfrastructure().temporalAddress });
    try {
      const domain = `${uniqueName('kill')}.example.no`;
      const created = await Promise.all(
        Array.from({ length: JOURNEYS }, (_, index) => submit(index, domain)),
      );
      const founders = new Set(created.map((entry) => entry.founderId));
      const acceptAll = (entries: Created[]) =>
        Promise.all(entries.map((entry) => accept(skeleton.intake.url, entry.applicationId)));

      // Half the journeys get going; the worker dies as their first mails go out, and the other
      // half are accepted while no worker runs: both halves are in the middle at the kill.
      await acceptAll(created.slice(0, JOURNEYS / 2));
      await waitFor(async () => (await mailsByKey(founders)).size >= 2, {
        description: 'the first reminders to go out',
        timeoutMs: 90_000,
        intervalMs: 100,
      });
      expect(await skeleton.worker.stop('SIGKILL')).toBe('SIGKILL');
      await acceptAll(created.slice(JOURNEYS / 2));
      skeleton.worker = await startServiceProcess({
        name: 'journey-worker',
        entry: 'workflows/src/main-worker.ts',
        env: skeleton.workerEnv,
      });

      // Every journey: a reminder to the founder and an escalation to the leads, each claimed in
      // the worker's store before it is sent.
      await waitFor(
        async () => {
          const records = await claims();
          if (records.length === 2 * JOURNEYS) return true;
          throw new Error(`${records.length} claims`);
        },
        {
          description: `${2 * JOURNEYS} claimed notifications`,
          timeoutMs: 120_000,
          intervalMs: 500,
        },
      );
      await Promise.all(created.map(withdraw));
      const client = new Client({ connection });
      const finals = await Promise.all(
        created.map((entry) =>
          client.workflow
            .getHandle<typeof founderJourney>(journeyWorkflowId(entry.founderId))
            .result(),
        ),
      );

      expect(finals.map((state) => state.stage)).toEqual(created.map(() => 'withdrawn'));

      // Every journey has ended, so no notification activity runs any more. No mail arrived twice;
      // every mail marked sent arrived. A claim the kill cut off before the SMTP server accepted
      // the mail stays 'sending' and is never sent again (at most once, ADR 0006): it is the only
      // way a mail may be missing, and only mails in flight at the kill can be cut off.
      const [records, mails] = await Promise.all([claims(), mailsByKey(founders)]);
      expect([...mails.values()].filter((count) => count > 1)).toEqual([]);
      const sent = records.filter((record) => record.status === 'sent');
      expect(sent.filter((record) => !mails.has(record._id))).toEqual([]);
      const cutOff = records.filter(
        (record) => record.status === 'sending' && !mails.has(record._id),
      );
      expect(mails.size + cutOff.length).toBe(2 * JOURNEYS);
      expect(cutOff.length).toBeLessThanOrEqual(JOURNEYS / 2);
      await waitFor(() => reader.perFounder.size === JOURNEYS, {
        description: `${JOURNEYS} founders on the assignments topic`,
      });
      for (const founderId of founders) expect(reader.perFounder.get(founderId)).toBe(1);
      const journeyOf = (founderId: string) => [...(reader.stages.get(founderId)?.values() ?? [])];
      const expected = ['submitted', 'triaged', 'assigned', 'withdrawn'];
      await waitFor(() => [...founders].every((id) => journeyOf(id).length >= expected.length), {
        description: 'every stage change on journey.stages',
      });
      for (const founderId of founders) expect(journeyOf(founderId)).toEqual(expected);
    } finally {
      await store.close();
      await connection.close();
      await reader.stop();
    }
  }, 300_000);
});
