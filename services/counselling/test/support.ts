import { randomUUID } from 'node:crypto';
import { createLinkTokens, issueLocalStaffToken, type StaffRole } from '@grunderboost/auth';
import { ensureTopics, prefixedTopic } from '@grunderboost/messaging';
import { loadConfig } from '@grunderboost/service-kit';
import {
  mongoUrlFor,
  testInfrastructure,
  uniqueDatabase,
  uniqueGroup,
  uniqueName,
} from '@grunderboost/testkit';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { configSchema, DEVELOPMENT_LINK_SECRET } from '../src/config';
import { startService, type RunningService, type ServiceOptions } from '../src/service';

export const TOPIC = 'counselling.assignments';

/** One service's own world: a database and a topic prefix no other test uses. */
export interface TestWorld {
  mongoUrl: string;
  prefix: string;
  topic: string;
  kafka: Kafka;
}

export async function newWorld(): Promise<TestWorld> {
  const prefix = uniqueName('counselling');
  const kafka = new Kafka({
    clientId: 'counselling-test',
    brokers: testInfrastructure().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const topic = prefixedTopic(prefix, TOPIC);
  // Created up front with 3 partitions: an auto-created topic races the first publish.
  await ensureTopics(kafka, [topic]);
  return { mongoUrl: mongoUrlFor(uniqueDatabase('counselling')), prefix, topic, kafka };
}

/** The real service, in-process on a free port, configured the way main.ts does it. */
export function startCounselling(
  world: TestWorld,
  env: Record<string, string> = {},
  options: ServiceOptions = {},
): Promise<RunningService> {
  const config = loadConfig(configSchema, {
    PORT: '0',
    LOG_LEVEL: 'silent',
    MONGO_URL: world.mongoUrl,
    KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: world.prefix,
    ...env,
  });
  return startService(config, options);
}

export async function dropDatabase(world: TestWorld): Promise<void> {
  const connection = await mongoose.createConnection(world.mongoUrl).asPromise();
  await connection.dropDatabase();
  await connection.close();
}

export interface ReceivedMessage {
  key: string;
  value: string;
}

/** Everything that arrives on the world's topics (default: assignments), from the beginning. */
export async function collectTopic(world: TestWorld, topics: string[] = [TOPIC]) {
  const received: ReceivedMessage[] = [];
  const consumer = world.kafka.consumer({ groupId: uniqueGroup('counselling-reader') });
  await consumer.connect();
  for (const topic of topics) {
    await consumer.subscribe({ topic: prefixedTopic(world.prefix, topic), fromBeginning: true });
  }
  await consumer.run({
    eachMessage: async ({ message }) => {
      received.push({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? '' });
    },
  });
  return { received, stop: () => consumer.disconnect() };
}

export function postAssignment(url: string, body: unknown): Promise<Response> {
  return fetch(`${url}/assignments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export interface AssignmentBody {
  assignmentId: string;
  founderId: string;
  counsellorId: string;
  reasonCode: string;
}

/** A clock the test moves; ids stay random. */
export function testClock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    newId: randomUUID,
    set(iso: string) {
      now = new Date(iso);
    },
  };
}

const defaults = loadConfig(configSchema, {});

/** A bearer token of the local issuer, as the service's default configuration accepts. */
export function staffToken(staffId: string, roles: StaffRole[]): Promise<string> {
  return issueLocalStaffToken(defaults, { staffId, roles });
}

const links = createLinkTokens({ secret: DEVELOPMENT_LINK_SECRET, ttlSeconds: 3_600 });

/** The founder's link token for an application, as the intake service issues it. */
export const founderLink = (applicationId: string) => links.issue(applicationId);

export interface Reply<T = Record<string, unknown>> {
  status: number;
  contentType: string;
  body: T;
}

export type Credentials = { staff: string } | { founder: string } | undefined;

/** One JSON call; `as` is a staff bearer token or a founder link token. */
export async function call<T = Record<string, unknown>>(
  url: string,
  method: string,
  path: string,
  options: { as?: Credentials; body?: unknown } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.as !== undefined && 'staff' in options.as) {
    headers.authorization = `Bearer ${options.as.staff}`;
  }
  if (options.as !== undefined && 'founder' in options.as)
    headers['founder-token'] = options.as.founder;
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

/** A counsellor profile for POST /counsellors: weekdays 09:00–15:00, 15 minutes' buffer. */
export function counsellorProfile(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Kari Veileder',
    languages: ['nb', 'en'],
    sectors: [],
    offices: ['Drammen'],
    capacity: 20,
    bufferMinutes: 15,
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '15:00' })),
    exceptions: [],
    ...overrides,
  };
}
