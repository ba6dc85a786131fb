import { issueLocalStaffToken, staffAuthConfigSchema, type StaffRole } from '@grunderboost/auth';
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
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { configSchema } from '../src/config';
import { startService, type RunningService } from '../src/service';

export interface TestWorld {
  mongoUrl: string;
  prefix: string;
  outcomes: string;
  applications: string;
  kafka: Kafka;
}

export async function newWorld(): Promise<TestWorld> {
  const prefix = uniqueName('followup');
  const kafka = new Kafka({
    clientId: 'follow-up-test',
    brokers: testInfrastructure().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const outcomes = prefixedTopic(prefix, 'followup.outcomes');
  const applications = prefixedTopic(prefix, 'intake.applications');
  await ensureTopics(kafka, [outcomes, applications]);
  return {
    mongoUrl: mongoUrlFor(uniqueDatabase('followup')),
    prefix,
    outcomes,
    applications,
    kafka,
  };
}

/** The real service, in-process on a free port, configured the way main.ts does it. */
export function startFollowUp(
  world: TestWorld,
  env: Record<string, string> = {},
): Promise<RunningService> {
  const config = loadConfig(configSchema, {
    PORT: '0',
    LOG_LEVEL: 'silent',
    MONGO_URL: world.mongoUrl,
    KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: world.prefix,
    KAFKA_GROUP_ID: uniqueGroup('follow-up'),
    BRREG_BASE_URL: 'http://127.0.0.1:9/enhetsregisteret/api',
    BRREG_BACKOFF_MS: '10',
    ...env,
  });
  return startService(config);
}

export async function dropDatabase(world: TestWorld): Promise<void> {
  const connection = await mongoose.createConnection(world.mongoUrl).asPromise();
  await connection.dropDatabase();
  await connection.close();
}

export interface Received {
  key: string;
  event: { id: string; type: string; subject: string; data: Record<string, unknown> };
  raw: string;
}

/** Everything that arrives on a topic, from the beginning. */
export async function collectTopic(world: TestWorld, topic: string) {
  const received: Received[] = [];
  const consumer = world.kafka.consumer({ groupId: uniqueGroup('follow-up-reader') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const raw = message.value?.toString() ?? '';
      const event = JSON.parse(raw) as Received['event'];
      received.push({ key: message.key?.toString() ?? '', event, raw });
    },
  });
  return {
    received,
    waitFor: (predicate: (r: Received) => boolean, description: string) =>
      waitFor(() => received.find(predicate), { description }),
    stop: () => consumer.disconnect(),
  };
}

export function staffToken(roles: StaffRole[], staffId: string = randomUUID()): Promise<string> {
  return issueLocalStaffToken(loadConfig(staffAuthConfigSchema, {}), { staffId, roles });
}

/** A JSON request; returns status, headers and parsed body. */
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

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const surveyAnswers = {
  stillOperating: true,
  employeesFte: 1.5,
  revenueBand: 'under-1m',
  hiresFromUnemployment: 1,
  fundingObtained: ['nav-etablering', 'innovation-norway-etablerertilskudd'],
};

export interface Opened {
  followUpId: string;
  founderId: string;
  status: string;
  dueAt: string;
  surveyLink: string;
  linkToken: string;
}
