import { randomUUID } from 'node:crypto';
import { issueLocalStaffToken, type StaffRole } from '@grunderboost/auth';
import { createEvent, keyOf, topicOf, type AnyEvent } from '@grunderboost/contracts';
import { createKafka, prefixedTopic, type MessageProducer } from '@grunderboost/messaging';
import { loadConfig } from '@grunderboost/service-kit';
import { testInfrastructure, uniqueGroup, waitFor } from '@grunderboost/testkit';
import type { Kafka } from 'kafkajs';
import pino from 'pino';
import { configSchema, type Config } from '../src/config';

export const quietLogger = pino({ level: 'silent' });

export const testKafka = (): Kafka =>
  createKafka({
    clientId: 'metrics-test',
    brokers: testInfrastructure().kafkaBrokers,
    logger: quietLogger,
  });

/** A service configuration on the test servers, with its own port, prefix, database, group. */
export function testConfig(input: { mongoUrl: string; prefix: string; group: string }): Config {
  return loadConfig(configSchema, {
    PORT: '0',
    LOG_LEVEL: 'silent',
    MONGO_URL: input.mongoUrl,
    KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: input.prefix,
    METRICS_CONSUMER_GROUP: input.group,
  });
}

const DRAMMEN_REGION = ['3301', '3312', '3314', '3316', '3303', '3305'];
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

export function applicationSubmitted(n: number): AnyEvent {
  return createEvent('intake.ApplicationSubmitted.v1', {
    source: '/services/intake',
    data: {
      applicationId: randomUUID(),
      founderId: randomUUID(),
      municipality: pick(DRAMMEN_REGION, n),
      focusArea: pick(['grunder', 'health-industry', 'visitor-industry-trade'] as const, n),
      sector: pick(['I', 'J', 'M', 'Q'], n),
      stage: pick(['idea', 'validating', 'preparing-registration'] as const, n),
      language: pick(['nb', 'en', 'uk'], n),
      referralSource: pick(['nav', 'usn', 'self'] as const, n),
      submittedAt: new Date().toISOString(),
    },
  });
}

export function counsellorAssigned(n: number): AnyEvent {
  return createEvent('counselling.CounsellorAssigned.v1', {
    source: '/services/counselling',
    data: {
      assignmentId: randomUUID(),
      founderId: randomUUID(),
      applicationId: randomUUID(),
      counsellorId: randomUUID(),
      reasonCode: pick(['language-match', 'lowest-load', 'continuity'], n),
      assignedAt: new Date().toISOString(),
    },
  });
}

export function applicationTriaged(): AnyEvent {
  const founderId = randomUUID();
  return createEvent('intake.ApplicationTriaged.v1', {
    source: '/services/intake',
    data: {
      applicationId: randomUUID(),
      founderId,
      decision: 'accepted',
      reasonCodes: ['in-region'],
      triagedAt: new Date().toISOString(),
      triagedBy: randomUUID(),
    },
  });
}

/** Publishes events to their (prefixed) home topics, keyed by founder as producers do. */
export async function publish(producer: MessageProducer, prefix: string, events: AnyEvent[]) {
  await producer.send(
    events.map((event) => ({
      topic: prefixedTopic(prefix, topicOf(event.type)),
      key: keyOf(event),
      value: JSON.stringify(event),
    })),
  );
}

export interface Letter {
  value: string;
  headers: Record<string, string>;
}

/** Everything that arrives on a topic, from its beginning. */
export async function collect(kafka: Kafka, topic: string) {
  const received: Letter[] = [];
  const consumer = kafka.consumer({ groupId: uniqueGroup('metrics-collector') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.headers ?? {})) {
        headers[name] = String(value);
      }
      received.push({ value: message.value?.toString() ?? '', headers });
    },
  });
  return {
    received,
    waitForCount: (count: number) =>
      waitFor(() => received.length >= count, { description: `${count} messages on ${topic}` }),
    stop: () => consumer.disconnect(),
  };
}

export interface SummaryBody {
  applications: number;
  assignments: number;
  updatedAt: string | null;
}

export async function getSummary(url: string): Promise<SummaryBody> {
  const response = await fetch(`${url}/metrics/summary`);
  if (response.status !== 200) throw new Error(`summary answered ${response.status}`);
  return (await response.json()) as SummaryBody;
}

/** Waits until the summary shows exactly these counts (and returns it). */
export const waitForCounts = (url: string, applications: number, assignments: number) =>
  waitFor(
    async () => {
      const summary = await getSummary(url);
      return summary.applications === applications && summary.assignments === assignments
        ? summary
        : undefined;
    },
    { description: `${applications} applications and ${assignments} assignments` },
  );

/** A bearer token of the local development issuer, which the test configuration trusts. */
export async function staffHeader(
  roles: StaffRole[] = ['analyst'],
): Promise<Record<string, string>> {
  const config = loadConfig(configSchema, {});
  const token = await issueLocalStaffToken(config, { staffId: 'analyst-1', roles });
  return { authorization: `Bearer ${token}` };
}
