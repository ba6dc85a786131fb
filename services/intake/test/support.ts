import { prefixedTopic } from '@grunderboost/messaging';
import { loadConfig } from '@grunderboost/service-kit';
import {
  mongoUrlFor,
  testInfrastructure,
  uniqueDatabase,
  uniqueGroup,
  uniqueName,
  waitFor,
} from '@grunderboost/testkit';
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
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();
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

export const validApplication = () => ({
  contact: { name: 'Kari Nordmann', email: 'kari.nordmann@example.no', phone: '+47 912 34 567' },
  municipality: '3301',
  focusArea: 'grunder',
  sector: 'J',
  stage: 'idea',
  language: 'nb',
  referralSource: 'nav',
});

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
