import { prefixedTopic } from '@grunderboost/messaging';
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
import { configSchema } from '../src/config';
import { startService, type RunningService } from '../src/service';

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
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();
  return { mongoUrl: mongoUrlFor(uniqueDatabase('counselling')), prefix, topic, kafka };
}

/** The real service, in-process on a free port, configured the way main.ts does it. */
export function startCounselling(
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
}

/** Everything that arrives on the world's topic, from the beginning. */
export async function collectTopic(world: TestWorld) {
  const received: ReceivedMessage[] = [];
  const consumer = world.kafka.consumer({ groupId: uniqueGroup('counselling-reader') });
  await consumer.connect();
  await consumer.subscribe({ topic: world.topic, fromBeginning: true });
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
