import { createKafka, createProducer, type MessageContext } from '@grunderboost/messaging';
import type { Kafka } from 'kafkajs';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { groupLag } from '../messaging/lag';
import { groupOf, processedKeyOf, startProjectionConsumer } from '../messaging/projection-consumer';
import { consumedTopics, ensureTopics } from '../messaging/topics';
import { mongoActiveVersion } from '../persistence/active-version';
import { mongoParkedEvents, PARKED_COLLECTION } from '../persistence/parked-events';
import { collectionsOf, mongoProjectionStore } from '../persistence/projection-store';
import { projector } from './projector';

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

/** Drops what an earlier, unfinished rebuild of this version left, so it starts from zero. */
async function clearVersion(
  connection: mongoose.Connection,
  kafka: Kafka,
  config: Config,
  version: number,
) {
  const names = [...Object.values(collectionsOf(version)), PARKED_COLLECTION(version)];
  const existing = new Set((await connection.listCollections()).map((c) => c.name));
  for (const name of names) {
    if (existing.has(name)) await connection.dropCollection(name);
  }
  await connection
    .collection('processed_events')
    .deleteMany({ _id: { $regex: `^${processedKeyOf(version)}:` } } as never);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const group = groupOf(config.METRICS_CONSUMER_GROUP, version);
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId);
    if (groups.includes(group)) await admin.deleteGroups([group]);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Replays every consumed topic from offset 0 into projection version N+1 with a fresh consumer
 * group, and when that group has no lag left switches the active version in one write. The
 * running service then moves its consumer to the new group and its reads to the new cells.
 */
export async function rebuild(config: Config, options: RebuildOptions): Promise<RebuildProgress> {
  const { logger } = options;
  const connection = await mongoose.createConnection(config.MONGO_URL).asPromise();
  const kafka = createKafka({ clientId: 'metrics-rebuild', brokers: config.KAFKA_BROKERS, logger });
  const producer = createProducer(kafka);
  try {
    const active = mongoActiveVersion(connection);
    const version = (await active.read()) + 1;
    const topics = consumedTopics(config.KAFKA_TOPIC_PREFIX);
    const groupId = groupOf(config.METRICS_CONSUMER_GROUP, version);
    await ensureTopics(kafka, topics);
    await clearVersion(connection, kafka, config, version);
    await producer.connect();
    const started = Date.now();
    let handled = 0;
    const consumer = await startProjectionConsumer({
      kafka,
      connection,
      producer,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      topics,
      groupId,
      logger,
      projector: projector(
        mongoProjectionStore(connection, version),
        mongoParkedEvents(connection, version),
      ),
      onHandled: (_context: MessageContext) => {
        handled++;
      },
    });
    const progress = (lag: number): RebuildProgress => {
      const elapsedMs = Date.now() - started;
      return {
        version,
        handled,
        lag,
        elapsedMs,
        rate: Math.round(handled / Math.max(elapsedMs / 1000, 0.001)),
      };
    };
    try {
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, options.progressMs ?? 1_000));
        const lag = await groupLag(kafka, groupId, topics);
        options.onProgress(progress(lag));
        if (lag === 0) break;
      }
    } finally {
      await consumer.stop();
    }
    await active.switchTo(version, new Date());
    const done = progress(0);
    options.onProgress(done);
    return done;
  } finally {
    await producer.disconnect();
    await connection.close();
  }
}
