import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import pino from 'pino';
import { testInfrastructure, uniqueGroup, waitFor } from '@grunderboost/testkit';
import { createKafka, ensureTopics } from '../src';

export const quietLogger = pino({ level: 'silent' });

export function testKafka(): Kafka {
  return createKafka({
    clientId: 'messaging-test',
    brokers: testInfrastructure().kafkaBrokers,
    logger: quietLogger,
  });
}

/** Test topics, created the way the services create theirs (waiting out a busy broker). */
export async function createTopics(kafka: Kafka, topics: string[], numPartitions = 1) {
  await ensureTopics(kafka, topics, { numPartitions });
}

export interface Received {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** Reads everything that arrives on a topic into an array, from the beginning. */
export async function collect(kafka: Kafka, topic: string) {
  const received: Received[] = [];
  const consumer = kafka.consumer({ groupId: uniqueGroup('collector') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
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
      waitFor(() => received.length >= count, { description: `${count} messages on ${topic}` }),
    stop: () => consumer.disconnect(),
  };
}

/** A minimal event shape for the messaging tests (contracts are tested in their package). */
export interface TestEvent {
  id: string;
  subject: string;
  type: string;
  data: { n: number; fail?: 'poison' | 'transient' };
}

export const testEvent = (n: number, subject: string = randomUUID()): TestEvent => ({
  id: randomUUID(),
  subject,
  type: 'test.Happened.v1',
  data: { n },
});
