import mongoose from 'mongoose';
import { Registry } from 'prom-client';
import {
  mongoUrlFor,
  uniqueDatabase,
  uniqueGroup,
  uniqueTopic,
  waitFor,
} from '@grunderboost/testkit';
import {
  DLQ_HEADERS,
  PoisonMessageError,
  createProducer,
  deadLetterTopicOf,
  messagingMetrics,
  mongoProcessedEvents,
  replayDeadLetters,
  runConsumer,
  type MessageProducer,
  type ParseResult,
  type RunningConsumer,
} from '../src';
import {
  collect,
  createTopics,
  quietLogger,
  testEvent,
  testKafka,
  type TestEvent,
} from './helpers';

const kafka = testKafka();
let connection: mongoose.Connection;
let producer: MessageProducer;

beforeAll(async () => {
  connection = await mongoose.createConnection(mongoUrlFor(uniqueDatabase('consumer'))).asPromise();
  producer = createProducer(kafka);
  await producer.connect();
});

afterAll(async () => {
  await producer.disconnect();
  await connection.dropDatabase();
  await connection.close();
});

function parseTestEvent(raw: unknown): ParseResult<TestEvent> {
  const candidate = raw as Partial<TestEvent>;
  if (typeof candidate.id !== 'string' || typeof candidate.data?.n !== 'number') {
    return { ok: false, error: 'data.n: expected number' };
  }
  return { ok: true, event: candidate as TestEvent };
}

async function startRunner(topic: string, handled: number[], registry = new Registry()) {
  const groupId = uniqueGroup('runner');
  const attempts = new Map<string, number>();
  const running: RunningConsumer = await runConsumer<TestEvent>({
    kafka,
    groupId,
    topics: [topic],
    parse: parseTestEvent,
    eventId: (event) => event.id,
    processed: mongoProcessedEvents(connection, groupId),
    producer,
    logger: quietLogger,
    metrics: messagingMetrics(registry),
    backoff: { initialMs: 5, maxMs: 20 },
    handle: async (event) => {
      const attempt = (attempts.get(event.id) ?? 0) + 1;
      attempts.set(event.id, attempt);
      if (event.data.fail === 'poison') throw new PoisonMessageError('founder unknown');
      if (event.data.fail === 'transient' && attempt < 3) throw new Error('database busy');
      handled.push(event.data.n);
    },
  });
  return { running, registry, groupId };
}

const send = (topic: string, values: unknown[]) =>
  producer.send(
    values.map((value) => ({
      topic,
      key: 'founder-1',
      value: typeof value === 'string' ? value : JSON.stringify(value),
    })),
  );

describe('consumer runner', () => {
  it('applies a redelivered event once, and retries a transient failure until it succeeds', async () => {
    const topic = uniqueTopic('runner');
    await createTopics(kafka, [topic]);
    const handled: number[] = [];
    const { running, registry } = await startRunner(topic, handled);
    try {
      const once = testEvent(1);
      const flaky = { ...testEvent(2), data: { n: 2, fail: 'transient' as const } };
      await send(topic, [once, once, flaky, testEvent(3)]);
      await waitFor(() => handled.length >= 3, { description: 'three events handled' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(handled).toEqual([1, 2, 3]);
      const metrics = await registry.metrics();
      expect(metrics).toMatch(/messaging_events_consumed_total\{[^}]*outcome="duplicate"[^}]*\} 1/);
      expect(metrics).toMatch(/messaging_events_retried_total\{[^}]*\} 2/);
    } finally {
      await running.stop();
    }
  });

  it('sends poison and malformed messages to the DLQ with their error, goes on, and replay brings a repaired one back', async () => {
    const topic = uniqueTopic('poison');
    const dlq = deadLetterTopicOf(topic);
    await createTopics(kafka, [topic, dlq]);
    const handled: number[] = [];
    const { running, groupId } = await startRunner(topic, handled);
    const dead = await collect(kafka, dlq);
    try {
      const poison = { ...testEvent(1), data: { n: 1, fail: 'poison' as const } };
      const malformed = { ...testEvent(2), data: { n: 'two' } };
      await send(topic, [poison, malformed, 'not json at all', testEvent(4)]);
      await waitFor(() => handled.includes(4), {
        description: 'the message after the poison ones',
      });
      await dead.waitForCount(3);

      expect(dead.received.map((letter) => letter.headers[DLQ_HEADERS.reason])).toEqual([
        'poison',
        'unparseable',
        'unparseable',
      ]);
      expect(dead.received[0]?.headers).toMatchObject({
        [DLQ_HEADERS.error]: 'founder unknown',
        [DLQ_HEADERS.originalTopic]: topic,
        [DLQ_HEADERS.consumerGroup]: groupId,
        [DLQ_HEADERS.originalOffset]: '0',
      });
      expect(dead.received[1]?.headers[DLQ_HEADERS.error]).toMatch(/data\.n/);
      expect(handled).toEqual([4]);

      // The operator repairs the malformed event (n as a number) and drops the rest.
      const result = await replayDeadLetters({
        kafka,
        producer,
        dlqTopic: dlq,
        repair: (letter) => {
          if (!letter.value.includes('"two"')) return null;
          return { ...letter, value: letter.value.replace('"two"', '2') };
        },
      });
      expect(result).toEqual({ replayed: 1, skipped: 2 });
      await waitFor(() => handled.includes(2), { description: 'the repaired event handled' });
      expect(handled).toEqual([4, 2]);

      // A second replay finds nothing new.
      expect(await replayDeadLetters({ kafka, producer, dlqTopic: dlq })).toEqual({
        replayed: 0,
        skipped: 0,
      });
    } finally {
      await dead.stop();
      await running.stop();
    }
  });
});
