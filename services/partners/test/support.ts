import { randomUUID } from 'node:crypto';
import { issueLocalStaffToken } from '@grunderboost/auth';
import { createEvent, topicOf, type EventDataMap, type EventType } from '@grunderboost/contracts';
import { prefixedTopic } from '@grunderboost/messaging';
import { loadConfig } from '@grunderboost/service-kit';
import {
  mongoUrlFor,
  testInfrastructure,
  uniqueDatabase,
  uniqueGroup,
  uniqueName,
  waitFor as pollUntil,
  type WaitForOptions,
} from '@grunderboost/testkit';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import mongoose from 'mongoose';
import { configSchema } from '../src/config';
import { startService, type RunningService } from '../src/service';

/**
 * testkit's waitFor with a longer limit: a new consumer group's first join can take long on the
 * shared 2-core machine while other suites run. Still a limit on an outcome, not a timing claim.
 */
export function waitFor<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  options: WaitForOptions,
): Promise<T> {
  return pollUntil(probe, { timeoutMs: 90_000, ...options });
}

/** One test file's own world: a database and a topic prefix no other test uses. */
export interface TestWorld {
  mongoUrl: string;
  prefix: string;
  kafka: Kafka;
  producer: Producer;
}

export async function newWorld(): Promise<TestWorld> {
  const prefix = uniqueName('partners');
  const kafka = new Kafka({
    clientId: 'partners-test',
    brokers: testInfrastructure().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  return { mongoUrl: mongoUrlFor(uniqueDatabase('partners')), prefix, kafka, producer };
}

/** Short backoff by default: tests wait for outcomes, never for the clock. */
export function startPartners(world: TestWorld, env: Record<string, string> = {}) {
  const config = loadConfig(configSchema, {
    PORT: '0',
    LOG_LEVEL: 'silent',
    MONGO_URL: world.mongoUrl,
    KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: world.prefix,
    WEBHOOK_BACKOFF_INITIAL_MS: '20',
    WEBHOOK_BACKOFF_MAX_MS: '200',
    WEBHOOK_POLL_MS: '50',
    WEBHOOK_DISABLE_AFTER_ATTEMPTS: '1000',
    ...env,
  });
  return startService(config);
}

export async function endWorld(world: TestWorld, service: RunningService | undefined) {
  await service?.stop();
  await world.producer.disconnect();
  const connection = await mongoose.createConnection(world.mongoUrl).asPromise();
  await connection.dropDatabase();
  await connection.close();
}

/** Publishes an upstream event the way its owning service does (envelope, key = founder). */
export async function publish<K extends EventType>(
  world: TestWorld,
  type: K,
  data: EventDataMap[K],
): Promise<string> {
  const event = createEvent(type, { data, source: '/test' });
  await world.producer.send({
    topic: prefixedTopic(world.prefix, topicOf(type)),
    messages: [{ key: event.subject, value: JSON.stringify(event) }],
  });
  return event.id;
}

const defaults = loadConfig(configSchema, {});

export const adminToken = () =>
  issueLocalStaffToken(defaults, { staffId: 'admin-1', roles: ['admin'] });

export interface Reply<T = Record<string, unknown>> {
  status: number;
  contentType: string;
  body: T;
}

/** One JSON call; `auth` is sent as the Authorization bearer (a staff token or an API key). */
export async function call<T = Record<string, unknown>>(
  url: string,
  method: string,
  path: string,
  options: { auth?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.auth !== undefined) headers.authorization = `Bearer ${options.auth}`;
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  const body = (contentType.includes('json') && text !== '' ? JSON.parse(text) : text) as T;
  return { status: response.status, contentType, body };
}

/** A new API key of the partner, issued by an admin. */
export async function apiKeyOf(url: string, partnerId: string): Promise<string> {
  const issued = await call<{ apiKey: string }>(url, 'POST', `/partners/${partnerId}/keys`, {
    auth: await adminToken(),
    body: {},
  });
  if (issued.status !== 201) throw new Error(`key not issued: ${issued.status}`);
  return issued.body.apiKey;
}

export interface FeedMessage {
  topic: string;
  key: string;
  value: string;
}

/** Everything on the partners' feed topics, from the beginning. */
export async function collectFeeds(world: TestWorld, partnerIds: string[]) {
  const received: FeedMessage[] = [];
  const consumer = world.kafka.consumer({ groupId: uniqueGroup('partners-feed-reader') });
  await consumer.connect();
  await consumer.subscribe({
    topics: partnerIds.map((id) => prefixedTopic(world.prefix, `partners.${id}.feed`)),
    fromBeginning: true,
  });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      received.push({
        topic: topic.slice(world.prefix.length + 1),
        key: message.key?.toString() ?? '',
        value: message.value?.toString() ?? '',
      });
    },
  });
  return { received, stop: () => consumer.disconnect() };
}

/** How many messages a topic holds in all (sum of its partitions' high watermarks). */
export async function messageCount(world: TestWorld, topic: string): Promise<number> {
  const admin = world.kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(prefixedTopic(world.prefix, topic));
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Whether the service's consumer has applied these events (its deduplication memory). */
export async function processed(world: TestWorld, eventIds: string[]): Promise<boolean> {
  const connection = await mongoose.createConnection(world.mongoUrl).asPromise();
  try {
    const ids = eventIds.map((id) => `partners:${id}`);
    const count = await connection
      .collection('processed_events')
      .countDocuments({ _id: { $in: ids as never[] } });
    return count === eventIds.length;
  } finally {
    await connection.close();
  }
}

export const now = () => new Date().toISOString();
export const newId = randomUUID;

export function submitted(founderId: string, sharing: string[], referralSource = 'nav') {
  return {
    applicationId: randomUUID(),
    founderId,
    municipality: '3301',
    focusArea: 'grunder' as const,
    sector: 'J',
    stage: 'idea' as const,
    language: 'nb',
    referralSource: referralSource as 'nav',
    submittedAt: now(),
    consents: { statistics: true, sharing: sharing as ['nav'] },
  };
}

export function outcome(founderId: string, employeesFte = 1) {
  return {
    followUpId: randomUUID(),
    founderId,
    monthsAfterRegistration: 6 as const,
    stillOperating: true,
    employeesFte,
    revenueBand: 'under-1m' as const,
    hiresFromUnemployment: 1,
    fundingObtained: false,
    reportedAt: now(),
  };
}
