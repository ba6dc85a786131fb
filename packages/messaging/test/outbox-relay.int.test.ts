import mongoose from 'mongoose';
import { mongoUrlFor, uniqueDatabase, uniqueTopic, waitFor } from '@grunderboost/testkit';
import {
  appendToOutbox,
  createOutboxRelay,
  createProducer,
  newOutbox,
  type MessageProducer,
  type OutboxEvent,
  type OutboxFields,
} from '../src';
import { collect, createTopics, quietLogger, testEvent, testKafka } from './helpers';

const kafka = testKafka();
let connection: mongoose.Connection;
let producer: MessageProducer;

beforeAll(async () => {
  connection = await mongoose.createConnection(mongoUrlFor(uniqueDatabase('outbox'))).asPromise();
  producer = createProducer(kafka);
  await producer.connect();
});

afterAll(async () => {
  await producer.disconnect();
  await connection.dropDatabase();
  await connection.close();
});

type StoredDocument = Partial<OutboxFields> & Record<string, unknown>;

const toOutbox = (topic: string, event: ReturnType<typeof testEvent>): OutboxEvent => ({
  id: event.id,
  topic,
  key: event.subject,
  event,
});

describe('outbox relay', () => {
  it('publishes the events of a document in order, keyed by founder, and marks them sent', async () => {
    const topic = uniqueTopic('outbox');
    await createTopics(kafka, [topic], 3);
    const collection = connection.collection<StoredDocument>('applications');
    const events = [1, 2, 3].map((n) => testEvent(n, 'founder-1'));
    const now = new Date();
    await collection.insertOne({
      _id: 'app-1' as never,
      state: 'submitted',
      ...newOutbox(
        events.map((event) => toOutbox(topic, event)),
        now,
      ),
    });
    const later = testEvent(4, 'founder-1');
    await collection.updateOne(
      { _id: 'app-1' as never },
      appendToOutbox(
        [toOutbox(topic, later)],
        now,
      ) as unknown as mongoose.mongo.UpdateFilter<StoredDocument>,
    );

    const reader = await collect(kafka, topic);
    const relay = createOutboxRelay({ collection, producer, logger: quietLogger });
    expect(await relay.runOnce()).toBe(4);
    await reader.waitForCount(4);
    await reader.stop();

    expect(
      reader.received.map(
        (message) => (JSON.parse(message.value) as { data: { n: number } }).data.n,
      ),
    ).toEqual([1, 2, 3, 4]);
    expect(new Set(reader.received.map((message) => message.key))).toEqual(new Set(['founder-1']));
    const stored = await collection.findOne({ _id: 'app-1' as never });
    expect(stored?.outbox?.map((entry) => entry.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(stored?.outboxNextAttemptAt).toBeNull();
    expect(await relay.runOnce()).toBe(0); // nothing is published twice
  });

  it('backs off and counts attempts while Kafka refuses, then publishes after a restart of the relay', async () => {
    const topic = uniqueTopic('outbox-fail');
    await createTopics(kafka, [topic]);
    const collection = connection.collection<StoredDocument>('failing');
    const event = testEvent(7);
    await collection.insertOne({
      _id: 'app-2' as never,
      ...newOutbox([toOutbox(topic, event)], new Date()),
    });

    const refusing: MessageProducer = {
      connect: async () => undefined,
      disconnect: async () => undefined,
      send: async () => {
        throw new Error('broker unavailable');
      },
    };
    const failingRelay = createOutboxRelay({
      collection,
      producer: refusing,
      logger: quietLogger,
      backoff: { initialMs: 10, maxMs: 20 },
    });
    expect(await failingRelay.runOnce()).toBe(0);
    const afterFailure = await collection.findOne({ _id: 'app-2' as never });
    expect(afterFailure?.outbox?.[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'broker unavailable',
    });
    expect(afterFailure?.outboxNextAttemptAt?.getTime()).toBeGreaterThan(Date.now() - 1_000);

    // A new relay (as after a process restart) finds the pending event in the document.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const reader = await collect(kafka, topic);
    const relay = createOutboxRelay({ collection, producer, logger: quietLogger });
    expect(await relay.runOnce()).toBe(1);
    await reader.waitForCount(1);
    await reader.stop();
    expect(JSON.parse(reader.received[0]?.value ?? '{}')).toMatchObject({ id: event.id });
  });

  it('runs in the background and publishes a new event soon after a nudge', async () => {
    const topic = uniqueTopic('outbox-loop');
    await createTopics(kafka, [topic]);
    const collection = connection.collection<StoredDocument>('looping');
    const relay = createOutboxRelay({
      collection,
      producer,
      logger: quietLogger,
      idlePollMs: 5_000,
    });
    const reader = await collect(kafka, topic);
    relay.start();
    try {
      const event = testEvent(1);
      await collection.insertOne({
        _id: 'app-3' as never,
        ...newOutbox([toOutbox(topic, event)], new Date()),
      });
      relay.nudge();
      await reader.waitForCount(1);
    } finally {
      await relay.stop();
      await reader.stop();
    }
    expect(reader.received).toHaveLength(1);
  });

  it('publishes a document it is nudged about by id without waiting for the next sweep', async () => {
    const topic = uniqueTopic('outbox-by-id');
    await createTopics(kafka, [topic]);
    const collection = connection.collection<StoredDocument>('by_id');
    // Sweeps an hour apart: only the nudge with the id can publish within the test.
    const relay = createOutboxRelay({
      collection,
      producer,
      logger: quietLogger,
      idlePollMs: 50,
      sweepIntervalMs: 3_600_000,
    });
    const reader = await collect(kafka, topic);
    relay.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // past the first (start-up) sweep
      const events = [testEvent(1), testEvent(2)];
      for (const [index, event] of events.entries()) {
        await collection.insertOne({
          _id: `by-id-${index}` as never,
          ...newOutbox([toOutbox(topic, event)], new Date()),
        });
      }
      relay.nudge('by-id-0');
      await reader.waitForCount(1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      // The other document was not named and no sweep was due: it waits.
      expect(reader.received).toHaveLength(1);
      expect(JSON.parse(reader.received[0]?.value ?? '{}')).toMatchObject({ id: events[0]?.id });
    } finally {
      await relay.stop();
      await reader.stop();
    }
  });
  it('retries a failed publish when its backoff ends, without waiting for a sweep', async () => {
    const topic = uniqueTopic('outbox-retry');
    await createTopics(kafka, [topic]);
    const collection = connection.collection<StoredDocument>('retrying');
    let refusals = 1;
    const flaky: MessageProducer = {
      connect: async () => undefined,
      disconnect: async () => undefined,
      send: async (messages) => {
        if (refusals-- > 0) throw new Error('broker unavailable');
        return producer.send(messages);
      },
    };
    // Sweeps an hour apart: only the relay's own retry can publish within the test.
    const relay = createOutboxRelay({
      collection,
      producer: flaky,
      logger: quietLogger,
      idlePollMs: 50,
      sweepIntervalMs: 3_600_000,
      backoff: { initialMs: 300, maxMs: 300 },
    });
    const reader = await collect(kafka, topic);
    relay.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // past the first (start-up) sweep
      const event = testEvent(9);
      await collection.insertOne({
        _id: 'retry-1' as never,
        ...newOutbox([toOutbox(topic, event)], new Date()),
      });
      relay.nudge('retry-1');
      await reader.waitForCount(1);
      expect(JSON.parse(reader.received[0]?.value ?? '{}')).toMatchObject({ id: event.id });
      // The mark follows Kafka's acknowledgement, so the reader may see the event first.
      const marked = await waitFor(
        async () => {
          const stored = await collection.findOne({ _id: 'retry-1' as never });
          return stored?.outbox?.[0]?.status === 'sent' ? stored.outbox[0] : undefined;
        },
        { description: 'the retried event marked sent', timeoutMs: 10_000, intervalMs: 100 },
      );
      expect(marked).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      await relay.stop();
      await reader.stop();
    }
  });
  it('publishes a document nudged during its backoff once the backoff ends, without a sweep', async () => {
    const topic = uniqueTopic('outbox-nudged-early');
    await createTopics(kafka, [topic]);
    const collection = connection.collection<StoredDocument>('nudged_early');
    const relay = createOutboxRelay({
      collection,
      producer,
      logger: quietLogger,
      idlePollMs: 50,
      sweepIntervalMs: 3_600_000,
    });
    const reader = await collect(kafka, topic);
    relay.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // past the first (start-up) sweep
      const event = testEvent(11);
      // Due 400 ms from now, as after a failed attempt (of this process or another's).
      const dueAt = new Date(Date.now() + 400);
      await collection.insertOne({
        _id: 'nudged-early' as never,
        ...newOutbox([toOutbox(topic, event)], dueAt),
      });
      relay.nudge('nudged-early');
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(reader.received).toHaveLength(0); // not before it is due
      await reader.waitForCount(1);
      expect(Date.now()).toBeGreaterThanOrEqual(dueAt.getTime());
      expect(JSON.parse(reader.received[0]?.value ?? '{}')).toMatchObject({ id: event.id });
    } finally {
      await relay.stop();
      await reader.stop();
    }
  });

  it('sends a backlog in requests the broker accepts, so one oversized document blocks no other', async () => {
    const topic = uniqueTopic('outbox-sizes');
    await createTopics(kafka, [topic]);
    const collection = connection.collection<StoredDocument>('sizes');
    const now = new Date();
    // 30 documents of ~100 KB (3 MB in all, over the broker's 1 MB limit for one request) and,
    // in the middle, one document whose single event is larger than the broker accepts.
    const events = Array.from({ length: 30 }, (_, n) => ({
      ...testEvent(n),
      data: { padding: 'x'.repeat(100_000) },
    }));
    for (const [n, event] of events.entries()) {
      await collection.insertOne({
        _id: `size-${String(n).padStart(2, '0')}` as never,
        ...newOutbox([toOutbox(topic, event as unknown as ReturnType<typeof testEvent>)], now),
      });
      if (n === 15) {
        const huge = { ...testEvent(99), data: { padding: 'x'.repeat(2_000_000) } };
        await collection.insertOne({
          _id: 'size-15-huge' as never,
          ...newOutbox([toOutbox(topic, huge as unknown as ReturnType<typeof testEvent>)], now),
        });
      }
    }
    const reader = await collect(kafka, topic);
    const relay = createOutboxRelay({ collection, producer, logger: quietLogger });
    expect(await relay.runOnce()).toBe(30);
    await reader.waitForCount(30);
    await reader.stop();
    const ids = reader.received.map((m) => (JSON.parse(m.value ?? '{}') as { id: string }).id);
    expect(ids).toEqual(events.map((event) => event.id)); // all, in document order
    const huge = await collection.findOne({ _id: 'size-15-huge' as never });
    expect(huge?.outbox?.[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(huge?.outbox?.[0]?.lastError).toMatch(/larger|too large|size/i);
  }, 60_000);
});
