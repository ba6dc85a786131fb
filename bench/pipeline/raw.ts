import { randomUUID } from 'node:crypto';
import { benchKafka, createTopics } from '../lib/kafka';

/**
 * The baseline of the pipeline benchmark: plain kafkajs on the same broker, one producer
 * sending batches (acks from all replicas, as the services' idempotent producer waits for) and
 * one consumer reading them, with no database, no outbox and no projection. Messages are the
 * size of a real ApplicationSubmitted event.
 */
export async function rawProduceConsume(
  brokers: string[],
  topic: string,
  messages: number,
  payloadBytes: number,
): Promise<{ messages: number; seconds: number; eventsPerSecond: number }> {
  await createTopics(brokers, [topic]);
  const kafka = benchKafka(brokers, 'bench-raw');
  const consumer = kafka.consumer({ groupId: `${topic}.reader` });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  try {
    // Producing starts once the consumer has its partitions: the join is not the broker's speed.
    const joined = new Promise<void>((resolve) =>
      consumer.on(consumer.events.GROUP_JOIN, () => resolve()),
    );
    await consumer.subscribe({ topic, fromBeginning: true });
    let received = 0;
    let lastAt = 0;
    let allIn: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allIn = resolve));
    await consumer.run({
      eachBatch: async ({ batch }) => {
        received += batch.messages.length;
        lastAt = Date.now();
        if (received >= messages) allIn();
        return Promise.resolve();
      },
    });
    await joined;
    const value = 'x'.repeat(payloadBytes);
    const started = Date.now();
    for (let sent = 0; sent < messages; sent += 500) {
      const count = Math.min(500, messages - sent);
      await producer.send({
        topic,
        acks: -1,
        messages: Array.from({ length: count }, () => ({ key: randomUUID(), value })),
      });
    }
    await done;
    const seconds = (lastAt - started) / 1000;
    return { messages: received, seconds, eventsPerSecond: Math.round(received / seconds) };
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  }
}
