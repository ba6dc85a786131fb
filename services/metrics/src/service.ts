import { createStaffVerifier, issueLocalStaffToken, optionalStaff } from '@grunderboost/auth';
import {
  createKafka,
  createProducer,
  kafkaReadiness,
  messagingMetrics,
  type MessageProducer,
  type MessagingMetrics,
} from '@grunderboost/messaging';
import {
  createApp,
  createLogger,
  mongoReadiness,
  openApiRoute,
  startServer,
  type ReadinessCheck,
  mongoConnectionOptions,
} from '@grunderboost/service-kit';
import type { Router } from 'express';
import type { Kafka } from 'kafkajs';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { metricsUseCases, type MetricsUseCases } from './app/metrics';
import { projector } from './app/projector';
import type { Config } from './config';
import { metricsOpenApi } from './http/api-description';
import { indicatorRoutes } from './http/indicator-routes';
import { intakeBackgroundCount } from './http/intake-client';
import { reportRoutes } from './http/report-routes';
import { statisticsRoutes } from './http/statistics-routes';
import { summaryRoutes } from './http/summary-routes';
import { startLiveProjection } from './messaging/live-projection';
import { groupOf, startProjectionConsumer } from './messaging/projection-consumer';
import { consumedTopics, ensureTopics } from './messaging/topics';
import { mongoActiveVersion } from './persistence/active-version';
import { mongoCellReader } from './persistence/cell-reader';
import { mongoOperatingFounders } from './persistence/operating-founders';
import { mongoParkedEvents } from './persistence/parked-events';
import { mongoProjectionStore } from './persistence/projection-store';
import { mongoStatisticsStore } from './persistence/statistics-store';
import { mongoSummaryStore } from './persistence/summary-store';

export const SERVICE_NAME = 'metrics';

export interface RunningService {
  url: string;
  port: number;
  /** Graceful stop: HTTP drained, consumer left the group, producer and database closed. */
  stop(): Promise<void>;
}

interface Wiring {
  routes: (router: Router) => void;
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
      textBodyTypes: ['text/csv'],
      readiness: wiring.readiness,
      registry: wiring.registry,
      routes: wiring.routes,
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

interface ConsumerParts {
  kafka: Kafka;
  connection: mongoose.Connection;
  producer: MessageProducer;
  metrics: MessagingMetrics;
  useCases: MetricsUseCases;
  topics: string[];
}

/** The consumer of one projection version, in that version's group. */
function consumerFor(config: Config, logger: Logger, parts: ConsumerParts) {
  return (version: number) =>
    startProjectionConsumer({
      ...parts,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      groupId: groupOf(config.METRICS_CONSUMER_GROUP, version),
      logger,
      projector: projector(
        mongoProjectionStore(parts.connection, version),
        mongoParkedEvents(parts.connection, version),
      ),
    });
}

/** Connects everything; each resource's closer goes in front of the earlier ones. */
async function wire(config: Config, logger: Logger, closers: Closers): Promise<Wiring> {
  const connection = await mongoose
    .createConnection(config.MONGO_URL, mongoConnectionOptions(config))
    .asPromise();
  closers.unshift(() => connection.close());
  const kafka = createKafka({ clientId: SERVICE_NAME, brokers: config.KAFKA_BROKERS, logger });
  const topics = consumedTopics(config.KAFKA_TOPIC_PREFIX);
  await ensureTopics(kafka, topics);

  const registry = new Registry();
  const metrics = messagingMetrics(registry);
  const producer = createProducer(kafka, metrics);
  await producer.connect();
  closers.unshift(() => producer.disconnect());

  const clock = () => new Date();
  const useCases = metricsUseCases(mongoSummaryStore(connection), clock);
  const live = await startLiveProjection({
    active: mongoActiveVersion(connection),
    start: consumerFor(config, logger, { kafka, connection, producer, metrics, useCases, topics }),
    pollMs: config.METRICS_VERSION_POLL_MS,
    logger,
  });
  closers.unshift(() => live.stop());
  const read = mongoCellReader(connection, () => live.version());
  const verifier = createStaffVerifier(config);
  const routes = (router: Router) => {
    // The walking skeleton's summary stays open, as before; every figure below needs staff.
    openApiRoute(metricsOpenApi())(router);
    summaryRoutes(useCases)(router);
    router.use(optionalStaff(verifier));
    reportRoutes(read)(router);
    statisticsRoutes(mongoStatisticsStore(connection), read, clock)(router);
    indicatorRoutes(
      {
        operatingFounders: mongoOperatingFounders(connection, () => live.version()),
        countImmigrantBackground: intakeBackgroundCount({
          baseUrl: config.INTAKE_URL,
          timeoutMs: config.INTAKE_TIMEOUT_MS,
          token: serviceToken(config),
        }),
      },
      config.INTERNASJONALE_DRAMMEN_GOAL,
    )(router);
  };
  const readiness = [mongoReadiness(connection), kafkaReadiness(kafka)];
  return { routes, readiness, registry };
}

/**
 * Metrics' identity towards intake, as an analyst. Development: a token minted with the shared
 * local secret, renewed per call (cheap HMAC), as the journey worker does; production: a
 * client-credentials token from the identity provider.
 */
function serviceToken(config: Config): () => Promise<string> {
  return () =>
    issueLocalStaffToken(config, {
      staffId: config.METRICS_STAFF_ID,
      roles: ['analyst'],
      ttlSeconds: 300,
    });
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
