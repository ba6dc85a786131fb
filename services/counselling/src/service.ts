import { randomUUID } from 'node:crypto';
import {
  createKafka,
  createProducer,
  documentLock,
  ensureTopics,
  kafkaReadiness,
  messagingMetrics,
} from '@grunderboost/messaging';
import {
  createApp,
  createLogger,
  mongoReadiness,
  startServer,
  type ReadinessCheck,
  mongoConnectionOptions,
} from '@grunderboost/service-kit';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import type { Dependencies } from './app/dependencies';
import type { Clock } from './app/ports';
import { DEVELOPMENT_LINK_SECRET, type Config } from './config';
import { counsellingRoutes } from './http/router';
import { counsellingEvents } from './messaging/counselling-events';
import { startRelay } from './messaging/relay';
import { producedTopics } from './messaging/topics';
import { openStores } from './persistence/stores';

export const SERVICE_NAME = 'counselling';

export interface ServiceOptions {
  /** Defaults to a JSON logger on stdout at LOG_LEVEL; tests may pass their own. */
  logger?: Logger;
  /** Defaults to the system clock and random uuids; tests move time forward. */
  clock?: Clock;
}

export interface RunningService {
  url: string;
  port: number;
  /** Graceful stop: HTTP drained, relays stopped, producer and database closed. */
  stop(): Promise<void>;
}

type Closers = Array<() => Promise<void>>;

const systemClock: Clock = { now: () => new Date(), newId: randomUUID };

/** Builds the whole service (database, Kafka, outbox relays, HTTP) and starts listening. */
export async function startService(
  config: Config,
  options: ServiceOptions = {},
): Promise<RunningService> {
  const logger = options.logger ?? createLogger({ service: SERVICE_NAME, level: config.LOG_LEVEL });
  if (config.FOUNDER_LINK_SECRET === DEVELOPMENT_LINK_SECRET) {
    logger.warn('FOUNDER_LINK_SECRET is the public development secret: set it outside development');
  }
  const closers: Closers = [];
  try {
    const { deps, readiness, registry } = await wire(
      config,
      logger,
      closers,
      options.clock ?? systemClock,
    );
    const app = createApp({
      service: SERVICE_NAME,
      logger,
      bodyLimit: config.BODY_LIMIT,
      readiness,
      registry,
      routes: counsellingRoutes(deps, config),
    });
    const server = await startServer(app, {
      port: config.PORT,
      host: config.HOST,
      logger,
      shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      onShutdown: closers,
    });
    return { url: server.url, port: server.port, stop: () => server.close() };
  } catch (error) {
    // A half-started service must not leave relays running or sockets open.
    await closeQuietly(closers, logger);
    throw error;
  }
}

/** Connects everything; each closer goes in front of the earlier ones (reverse start order). */
async function wire(config: Config, logger: Logger, closers: Closers, clock: Clock) {
  const connection = await mongoose
    .createConnection(config.MONGO_URL, mongoConnectionOptions(config))
    .asPromise();
  closers.unshift(() => connection.close());
  const stores = await openStores(connection, config.COUNSELLOR_IDS);

  const kafka = createKafka({ clientId: SERVICE_NAME, brokers: config.KAFKA_BROKERS, logger });
  await ensureTopics(kafka, producedTopics(config.KAFKA_TOPIC_PREFIX));
  const registry = new Registry();
  const metrics = messagingMetrics(registry);
  const producer = createProducer(kafka, metrics);
  await producer.connect();
  closers.unshift(() => producer.disconnect());

  const lock = documentLock();
  const relays = stores.outboxCollections.map(({ name, collection }) =>
    startRelay({ collection, name, producer, logger, metrics, lock }),
  );
  closers.unshift(() => Promise.all(relays.map((relay) => relay.stop())).then(() => undefined));

  const deps: Dependencies = {
    ...stores.repositories,
    events: counsellingEvents(config.KAFKA_TOPIC_PREFIX, () => relays.forEach((r) => r.nudge())),
    clock,
    locks: lock,
    policy: {
      freeSessions: config.FREE_SESSIONS,
      firstMeetingWithinDays: config.FIRST_MEETING_WITHIN_DAYS,
      followUpWithinDays: config.FOLLOW_UP_WITHIN_DAYS,
    },
  };
  const readiness: ReadinessCheck[] = [mongoReadiness(connection), kafkaReadiness(kafka)];
  return { deps, readiness, registry };
}

async function closeQuietly(closers: Closers, logger: Logger): Promise<void> {
  for (const close of closers) {
    try {
      await close();
    } catch (error) {
      logger.warn({ err: error }, 'cleanup after a failed start failed');
    }
  }
}
