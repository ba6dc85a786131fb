import { ensureTopics, prefixedTopic } from '@grunderboost/messaging';
import { loadConfig } from '@grunderboost/service-kit';
import {
  mongoUrlFor,
  testInfrastructure,
  uniqueDatabase,
  uniqueGroup,
  uniqueName,
  waitFor,
} from '@grunderboost/testkit';
import { randomUUID } from 'node:crypto';
import { issueLocalStaffToken, staffAuthConfigSchema, type StaffRole } from '@grunderboost/auth';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { configSchema } from '../src/config';
import { startService, type RunningService } from '../src/service';

export const TOPIC = 'intake.applications';

/** One service's own world: a database and a topic prefix no other test uses. */
export interface TestWorld {
  mongoUrl: string;
  prefix: string;
  topic: string;
  kafka: Kafka;
}

export async function newWorld(): Promise<TestWorld> {
  const prefix = uniqueName('intake');
  const kafka = new Kafka({
    clientId: 'intake-test',
    brokers: testInfrastructure().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const topic = prefixedTopic(prefix, TOPIC);
  // Created up front with 3 partitions: an auto-created topic races the first publish.
  await ensureTopics(kafka, [topic]);
  return { mongoUrl: mongoUrlFor(uniqueDatabase('intake')), prefix, topic, kafka };
}

/** The real service, in-process on a free port, configured the way main.ts does it. */
export function startIntake(
  world: TestWorld,
  env: Record<string, string> = {},
): Promise<RunningService> {
  const config = loadConfig(configSchema, {
    PORT: '0',
    LOG_LEVEL: 'silent',
    MONGO_URL: world.mongoUrl,
    KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: world.prefix,
    // Tests post many applications from one address; the limit has its own test.
    CREATE_RATE_LIMIT_PER_MINUTE: '0',
    ...env,
  });
  return startService(config);
}

export async function dropDatabase(world: TestWorld): Promise<void> {
  const connection = await mongoose.createConnection(world.mongoUrl).asPromise();
  await connection.dropDatabase();
  await connection.close();
}

export interface ReceivedMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** Everything that arrives on the world's topic, from the beginning. */
export async function collectTopic(world: TestWorld) {
  const received: ReceivedMessage[] = [];
  const consumer = world.kafka.consumer({ groupId: uniqueGroup('intake-reader') });
  await consumer.connect();
  await consumer.subscribe({ topic: world.topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.headers ?? {})) {
        headers[name] = String(value);
      }
      received.push({
        key: message.key?.toString() ?? '',
        value: message.value?.toString() ?? '',
        headers,
      });
    },
  });
  return {
    received,
    waitForCount: (count: number) =>
      waitFor(() => received.length >= count, {
        description: `${count} messages on ${world.topic}`,
      }),
    stop: () => consumer.disconnect(),
  };
}

import { applicationBody } from './builders';

export { applicationBody };

/** A staff bearer token from the local issuer, with the services' default development settings. */
export async function staffToken(
  roles: StaffRole[],
  staffId: string = randomUUID(),
): Promise<string> {
  return issueLocalStaffToken(loadConfig(staffAuthConfigSchema, {}), { staffId, roles });
}

export function postApplication(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export interface Created {
  applicationId: string;
  founderId: string;
  status: string;
  statusLink: string;
  linkToken: string;
}

/** Submits a valid application (with overrides) and returns the created body. */
export async function submit(
  url: string,
  overrides: Record<string, unknown> = {},
): Promise<Created> {
  const response = await postApplication(url, applicationBody(overrides));
  if (response.status !== 201) {
    throw new Error(`expected 201, got ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as Created;
}

/** A JSON request with optional body and headers; returns status, headers and parsed body. */
export async function call<T = Record<string, unknown>>(
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
  };
}
