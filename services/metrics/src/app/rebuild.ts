import { prefixedTopic, createKafka } from '@grunderboost/messaging';
import { topicOf } from '@grunderboost/contracts';
import type { Consumer, Kafka } from 'kafkajs';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { isUnknown, parseConsumed } from '../messaging/parse';
import { groupOf, processedKeyOf } from '../messaging/projection-consumer';
import { consumedTopics, ensureTopics } from '../messaging/topics';
import { mongoActiveVersion } from '../persistence/active-version';
import { memoryProjection } from '../persistence/memory-projection';
import { PARKED_COLLECTION } from '../persistence/parked-events';
import { collectionsOf } from '../persistence/projection-store';
import { projector, type Projector } from './projector';
import { mongoConnectionOptions } from '@grunderboost/service-kit';

export interface RebuildProgress {
  version: number;
  handled: number;
  lag: number;
  /** Events per second since the rebuild started. */
  rate: number;
  elapsedMs: number;
}

export interface RebuildOptions {
  logger: Logger;
  /** Called about once per `progressMs` while replaying, and once at the end. */
  onProgress: (progress: RebuildProgress) => void;
  progressMs?: number;
}

type Positions = Map<string, { topic: string; partition: number; next: number }>;

/** Drops what an earlier, unfinished rebuild of this version left, so it starts from zero. */
async function clearVersion(
  connection: mongoose.Connection,
  kafka: Kafka,
  group: string,
  version: number,
) {
  const names = [...Object.values(collectionsOf(version)), PARKED_COLLECTION(version)];
  const existing = new Set((await connection.listCollections()).map((c) => c.name));
  for (const name of names) {
    if (existing.has(name)) await connection.dropCollection(name);
  }
  await connection
    .collection<{ _id: string }>('processed_events')
    .deleteMany({ _id: { $regex: `^${processedKeyOf(version)}:` } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId);
    if (groups.includes(group)) await admin.deleteGroups([group]);
  } finally {
    await admin.disconnect();
  }
}

/** Messages still ahead of the positions reached, against the topics' current ends. */
async function lagOf(kafka: Kafka, topics: string[], positions: Positions): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    let lag = 0;
    for (const topic of topics) {
      for (const end of await admin.fetchTopicOffsets(topic)) {
        const next = positions.get(`${topic}:${end.partition}`)?.next ?? Number(end.low);
        lag += Math.max(0, Number(end.high) - next);
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}

/** Sets the group's offsets (it has no members now) to where the replay stopped. */
async function commitPositions(kafka: Kafka, groupId: string, positions: Positions) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const byTopic = new Map<string, Array<{ partition: number; offset: string }>>();
    for (const p of positions.values()) {
      byTopic.set(p.topic, [
        ...(byTopic.get(p.topic) ?? []),
        { partition: p.partition, offset: String(p.next) },
      ]);
    }
    for (const [topic, partitions] of byTopic) {
      await admin.setOffsets({ groupId, topic, partitions });
    }
  } finally {
    await admin.disconnect();
  }
}

/** Streams every topic from offset 0 through the projector; bad messages were the DLQ's already. */
async function replay(
  consumer: Consumer,
  topics: string[],
  prefix: string,
  target: Projector,
  onMessage: (topic: string, partition: number, offset: string) => void,
): Promise<void> {
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(message.value?.toString() ?? '');
      } catch {
        raw = undefined;
      }
      const parsed = parseConsumed(raw);
      // Same rules as the live consumer: unparseable and misplaced events count nowhere.
      if (parsed.ok && !isUnknown(parsed.event)) {
        if (prefixedTopic(prefix, topicOf(parsed.event.type)) === topic) {
          await target.project(parsed.event);
        }
      }
      onMessage(topic, partition, message.offset);
    },
  });
}

/**
 * Replays every consumed topic from offset 0 into projection version N+1 (in memory, written
 * once at the end), commits the replayed offsets to the version's consumer group, and switches
 * the active version in one write. The running service then moves its consumer to that group,
 * which continues after the replayed offsets, and its reads to the new cells.
 */
export async function rebuild(config: Config, options: RebuildOptions): Promise<RebuildProgress> {
  const { logger } = options;
  const connection = await mongoose
    .createConnection(config.MONGO_URL, mongoConnectionOptions(config))
    .asPromise();
  const kafka = createKafka({ clientId: 'metrics-rebuild', brokers: config.KAFKA_BROKERS, logger });
  try {
    const active = mongoActiveVersion(connection);
    const version = (await active.read()) + 1;
    const topics = consumedTopics(config.KAFKA_TOPIC_PREFIX);
    const groupId = groupOf(config.METRICS_CONSUMER_GROUP, version);
    await ensureTopics(kafka, topics);
    await clearVersion(connection, kafka, groupId, version);

    const memory = memoryProjection(version);
    const positions: Positions = new Map();
    const started = Date.now();
    let handled = 0;
    const progress = (lag: number): RebuildProgress => {
      const elapsedMs = Date.now() - started;
      const rate = Math.round(handled / Math.max(elapsedMs / 1000, 0.001));
      return { version, handled, lag, elapsedMs, rate };
    };
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    try {
      await replay(
        consumer,
        topics,
        config.KAFKA_TOPIC_PREFIX,
        projector(memory.store, memory.parked),
        (topic, partition, offset) => {
          handled++;
          positions.set(`${topic}:${partition}`, { topic, partition, next: Number(offset) + 1 });
        },
      );
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, options.progressMs ?? 1_000));
        const lag = await lagOf(kafka, topics, positions);
        options.onProgress(progress(lag));
        if (lag === 0) break;
      }
    } finally {
      await consumer.disconnect();
    }
    // The consumer has left: nothing moves now, so these offsets are exactly what memory holds.
    await commitPositions(kafka, groupId, positions);
    const written = await memory.flush(connection);
    logger.info({ version, ...written }, 'rebuilt projection written');
    await active.switchTo(version, new Date());
    const done = progress(0);
    options.onProgress(done);
    return done;
  } finally {
    await connection.close();
  }
}
