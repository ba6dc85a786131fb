import { randomUUID } from 'node:crypto';
import {
  createKafka,
  createProducer,
  kafkaReadiness,
  messagingMetrics,
} from '@grunderboost/messaging';
import {
  createApp,
  createLogger,
  mongoReadiness,
  startServer,
  type ReadinessCheck,
} from '@grunderboost/service-kit';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { intakeUseCases, type IntakeUseCases } from './app/applications';
import type { Config } from './config';
import { applicationRoutes } from './http/application-routes';
import { applicationEvents } from './messaging/application-events';
import { startRelay } from './messaging/relay';
import { ensureTopics, producedTopics } from './messaging/topics';
import {
  applicationCollection,
  ensureApplicationIndexes,
  mongoApplicationStore,
} from './persistence/application-store';

export const SERVICE_NAME = 'intake';

export interface ServiceOptions {
  /** Defaults to a JSON logger on stdout at LOG_LEVEL; tests may pass their own. */
  logger?: Logger;
}

export interface RunningService {
  url: string;
  port: number;
  /** Graceful stop: HTTP drained, relay stopped, producer and database closed. */
  stop(): Promise<void>;
}

interface Wiring {
  useCases: IntakeUseCases;
  readiness: ReadinessCheck[];
  registry: Registry;
}

type Closers = Array<() => Promise<void>>;

/** Builds the whole service (database, Kafka, outbox relay, HTTP) and starts listening. */
export async function startService(
  config: Config,
  options: ServiceOptions = {},
): Promise<RunningService> {
  const logger = options.logger ?? createLogger({ service: SERVICE_NAME, level: config.LOG_LEVEL });
  const closers: Closers = [];
  try {
    const wiring = await wire(config, logger, closers);
    const app = createApp({
      service: SERVICE_NAME,
      logger,
      bodyLimit: config.BODY_LIMIT,
      readiness: wiring.readiness,
      registry: wiring.registry,
      routes: applicationRoutes(wiring.useCases),
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
    // A half-started service must not leave a relay running or sockets open.
    await closeQuietly(closers, logger);
    throw error;
  }
}

/** Connects everything; each closer goes in front of the earlier ones (reverse start order). */
async function wire(config: Config, logger: Logger, closers: Closers): Promise<Wiring> {
  const connection = await mongoose.createConnection(config.MONGO_URL).asPromise();
  closers.unshift(() => connection.close());
  const collection = applicationCollection(connection);
  await ensureApplicationIndexes(collection);

  const kafka = createKafka({ clientId: SERVICE_NAME, brokers: config.KAFKA_BROKERS, logger });
  await ensureTopics(kafka, producedTopics(config.KAFKA_TOPIC_PREFIX));
  const registry = new Registry();
  const metrics = messagingMetrics(registry);
  const producer = createProducer(kafka, metrics);
  await producer.connect();
  closers.unshift(() => producer.disconnect());

  const relay = startRelay({
    collection,
    producer,
    logger,
    metrics,
    enabled: config.OUTBOX_RELAY_ENABLED,
    exitAfterPublish: config.FAULT_EXIT_AFTER_PUBLISH,
  });
  closers.unshift(() => relay.stop());

  const useCases = intakeUseCases({
    store: mongoApplicationStore(collection),
    events: applicationEvents(config.KAFKA_TOPIC_PREFIX, () => relay.nudge()),
    newId: randomUUID,
    now: () => new Date(),
  });
  const readiness = [mongoReadiness(connection), kafkaReadiness(kafka)];
  return { useCases, readiness, registry };
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
