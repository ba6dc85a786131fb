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
import { metricsUseCases, type MetricsUseCases } from './app/metrics';
import type { Config } from './config';
import { summaryRoutes } from './http/summary-routes';
import { startProjectionConsumer } from './messaging/projection-consumer';
import { consumedTopics, ensureTopics } from './messaging/topics';
import { mongoSummaryStore } from './persistence/summary-store';

export const SERVICE_NAME = 'metrics';

export interface RunningService {
  url: string;
  port: number;
  /** Graceful stop: HTTP drained, consumer left the group, producer and database closed. */
  stop(): Promise<void>;
}

interface Wiring {
  useCases: MetricsUseCases;
  readiness: ReadinessCheck[];
  registry: Registry;
}

/** In shutdown order: consumer, producer, database. */
type Closers = Array<() => Promise<void>>;

/** Builds the whole service (database, Kafka, consumer, HTTP) and starts listening. */
export async function startService(config: Config): Promise<RunningService> {
  const logger = createLogger({ service: SERVICE_NAME, level: config.LOG_LEVEL });
  const closers: Closers = [];
  try {
    const wiring = await wire(config, logger, closers);
    const app = createApp({
      service: SERVICE_NAME,
      logger,
      bodyLimit: config.BODY_LIMIT,
      readiness: wiring.readiness,
      registry: wiring.registry,
      routes: summaryRoutes(wiring.useCases),
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
    // A half-started service must not leave a consumer in the group or sockets open.
    await closeQuietly(closers, logger);
    throw error;
  }
}

/** Connects everything; each resource's closer goes in front of the earlier ones. */
async function wire(config: Config, logger: Logger, closers: Closers): Promise<Wiring> {
  const connection = await mongoose.createConnection(config.MONGO_URL).asPromise();
  closers.unshift(() => connection.close());
  const kafka = createKafka({ clientId: SERVICE_NAME, brokers: config.KAFKA_BROKERS, logger });
  const topics = consumedTopics(config.KAFKA_TOPIC_PREFIX);
  await ensureTopics(kafka, topics);

  const registry = new Registry();
  const metrics = messagingMetrics(registry);
  const producer = createProducer(kafka, metrics);
  await producer.connect();
  closers.unshift(() => producer.disconnect());

  const useCases = metricsUseCases(mongoSummaryStore(connection), () => new Date());
  const consumer = await startProjectionConsumer({
    kafka,
    connection,
    producer,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    topics,
    groupId: config.METRICS_CONSUMER_GROUP,
    logger,
    metrics,
    useCases,
  });
  closers.unshift(() => consumer.stop());
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
