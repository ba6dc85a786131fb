import { randomUUID } from 'node:crypto';
import {
  createLinkTokens,
  createStaffVerifier,
  localIssuerRoutes,
  optionalStaff,
  usesDevelopmentSecret,
} from '@grunderboost/auth';
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
import type { Router } from 'express';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { intakeUseCases } from './app/use-cases';
import { DEVELOPMENT_LINK_SECRET, type Config } from './config';
import { intakeRouter } from './http/router';
import { loadCatalogue } from '@grunderboost/i18n';
import { applicationEvents } from './messaging/application-events';
import { startRelay } from './messaging/relay';
import { producedTopics } from './messaging/topics';
import { applicationCollection } from './persistence/collections';
import { ensureApplicationIndexes, mongoApplicationStore } from './persistence/application-store';
import { ensureAuditIndexes, mongoAuditLog } from './persistence/audit-store';
import { lookupKeysStore } from './persistence/lookup-keys';

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
  routes: (router: Router) => void;
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
    // A half-started service must not leave a relay running or sockets open.
    await closeQuietly(closers, logger);
    throw error;
  }
}

function warnAboutDevelopmentSecrets(config: Config, logger: Logger): void {
  if (usesDevelopmentSecret(config)) {
    logger.warn('AUTH_LOCAL_SECRET is the public development secret: set it outside development');
  }
  if (config.FOUNDER_LINK_SECRET === DEVELOPMENT_LINK_SECRET) {
    logger.warn('FOUNDER_LINK_SECRET is the public development secret: set it outside development');
  }
}

/** Connects everything; each closer goes in front of the earlier ones (reverse start order). */
async function wire(config: Config, logger: Logger, closers: Closers): Promise<Wiring> {
  warnAboutDevelopmentSecrets(config, logger);
  // Before any connection: a broken catalogue is a configuration error, reported at once.
  const catalogue = loadCatalogue(config.MESSAGES_DIR, config.DEFAULT_LANGUAGE);
  const connection = await mongoose
    .createConnection(config.MONGO_URL, mongoConnectionOptions(config))
    .asPromise();
  closers.unshift(() => connection.close());
  const collection = applicationCollection(connection);
  await ensureApplicationIndexes(collection);
  await ensureAuditIndexes(connection);

  const kafka = createKafka({ clientId: SERVICE_NAME, brokers: config.KAFKA_BROKERS, logger });
  await ensureTopics(kafka, producedTopics(config.KAFKA_TOPIC_PREFIX));
  const registry = new Registry();
  const metrics = messagingMetrics(registry);
  const producer = createProducer(kafka, metrics);
  await producer.connect();
  closers.unshift(() => producer.disconnect());

  // One lock for the relay and the use cases: FerretDB's updates are not isolated (ADR 0003).
  const lock = documentLock();
  const relay = startRelay({
    collection,
    producer,
    logger,
    metrics,
    lock,
    enabled: config.OUTBOX_RELAY_ENABLED,
    exitAfterPublish: config.FAULT_EXIT_AFTER_PUBLISH,
  });
  closers.unshift(() => relay.stop());

  const useCases = intakeUseCases({
    store: mongoApplicationStore(collection, lock, lookupKeysStore(connection)),
    events: applicationEvents(config.KAFKA_TOPIC_PREFIX, (id) => relay.nudge(id)),
    audit: mongoAuditLog(connection),
    rules: {
      regionMunicipalities: new Set(config.REGION_MUNICIPALITIES),
      maxBusinessAgeMonths: config.MAX_BUSINESS_AGE_MONTHS,
    },
    newId: randomUUID,
    now: () => new Date(),
  });
  const verifier = createStaffVerifier(config);
  const routes = intakeRouter({
    useCases,
    catalogue,
    verifier,
    links: createLinkTokens({
      secret: config.FOUNDER_LINK_SECRET,
      ttlSeconds: config.FOUNDER_LINK_TTL_DAYS * 86_400,
    }),
    linkBaseUrl: config.FOUNDER_LINK_BASE_URL,
    createLimitPerMinute: config.CREATE_RATE_LIMIT_PER_MINUTE,
    staffAuthentication: optionalStaff(verifier),
    ...(config.LOCAL_TOKEN_ISSUER ? { localIssuer: localIssuerRoutes(config) } : {}),
  });
  const readiness = [mongoReadiness(connection), kafkaReadiness(kafka)];
  return { routes, readiness, registry };
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
