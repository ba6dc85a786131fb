import type { Kafka, KafkaMessage } from 'kafkajs';
import type { MessageProducer, OutgoingMessage } from '../producer';
import { DLQ_HEADERS, headersAsStrings } from '../consumer/dead-letter';

export interface DeadLetter {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface ReplayOptions {
  kafka: Kafka;
  producer: MessageProducer;
  dlqTopic: string;
  /** Where to send; by default the topic the message originally failed on. */
  targetTopic?: string;
  /** Repairs a message before it goes back; returning null leaves it out. */
  repair?: (letter: DeadLetter) => DeadLetter | null;
  onProgress?: (progress: { replayed: number; skipped: number; remaining: number }) => void;
}

export interface ReplayResult {
  replayed: number;
  skipped: number;
}

/**
 * Sends what is on a dead-letter topic back to its topic, up to the end the DLQ had when
 * the replay began. Progress is kept in the consumer group `dlq-replay.<dlq topic>`, so a
 * second run replays only what arrived since.
 */
export async function replayDeadLetters(options: ReplayOptions): Promise<ReplayResult> {
  const { kafka, dlqTopic } = options;
  const remainingByPartition = await pendingCounts(kafka, dlqTopic);
  let remaining = [...remainingByPartition.values()].reduce((sum, count) => sum + count, 0);
  const result: ReplayResult = { replayed: 0, skipped: 0 };
  if (remaining === 0) {
    return result;
  }
  const consumer = kafka.consumer({ groupId: `dlq-replay.${dlqTopic}` });
  await consumer.connect();
  await consumer.subscribe({ topic: dlqTopic, fromBeginning: true });
  await new Promise<void>((done, fail) => {
    consumer
      .run({
        eachMessage: async ({ partition, message }) => {
          if ((remainingByPartition.get(partition) ?? 0) <= 0) return;
          await replayOne(options, message, result);
          await consumer.commitOffsets([
            { topic: dlqTopic, partition, offset: (BigInt(message.offset) + 1n).toString() },
          ]);
          remainingByPartition.set(partition, (remainingByPartition.get(partition) ?? 1) - 1);
          remaining -= 1;
          options.onProgress?.({ ...result, remaining });
          if (remaining <= 0) done();
        },
      })
      .catch(fail);
  });
  await consumer.disconnect();
  return result;
}

async function replayOne(options: ReplayOptions, message: KafkaMessage, result: ReplayResult) {
  const letter: DeadLetter = {
    key: message.key?.toString() ?? '',
    value: message.value?.toString() ?? '',
    headers: headersAsStrings(message.headers),
  };
  const repaired = options.repair ? options.repair(letter) : letter;
  if (repaired === null) {
    result.skipped += 1;
    return;
  }
  const target =
    options.targetTopic ??
    letter.headers[DLQ_HEADERS.originalTopic] ??
    options.dlqTopic.replace(/\.dlq$/, '');
  const headers: Record<string, string> = { 'dlq-replayed-at': new Date().toISOString() };
  for (const [name, value] of Object.entries(repaired.headers)) {
    if (!name.startsWith('dlq-')) headers[name] = value;
  }
  const outgoing: OutgoingMessage = {
    topic: target,
    key: repaired.key,
    value: repaired.value,
    headers,
  };
  await options.producer.send([outgoing]);
  result.replayed += 1;
}

/** Messages between the replay group's committed offset and the end, per partition. */
async function pendingCounts(kafka: Kafka, dlqTopic: string): Promise<Map<number, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(dlqTopic);
    const [committed] = await admin.fetchOffsets({
      groupId: `dlq-replay.${dlqTopic}`,
      topics: [dlqTopic],
    });
    const counts = new Map<number, number>();
    for (const { partition, high, low } of ends) {
      const done = committed?.partitions.find((entry) => entry.partition === partition)?.offset;
      const from =
        done === undefined || done === '-1' ? Number(low) : Math.max(Number(done), Number(low));
      counts.set(partition, Math.max(0, Number(high) - from));
    }
    return counts;
  } finally {
    await admin.disconnect();
  }
}
