import { randomUUID } from 'node:crypto';
import { createLinkTokens, createStaffVerifier, usesDevelopmentSecret } from '@grunderboost/auth';
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
import { followUpUseCases } from './app/use-cases';
import { DEVELOPMENT_LINK_SECRET, FOLLOW_UP_LINK_AUDIENCE, type Config } from './config';
import { followUpRouter } from './http/router';
import { startErasureConsumer } from './messaging/erasure-consumer';
import { followUpEvents } from './messaging/follow-up-events';
import { startRelays } from './messaging/relays';
import { erasureTopic, producedTopics } from './messaging/topics';
import { followUpCollection } from './persistence/follow-up-document';
import { ensureFollowUpIndexes, mongoFollowUpStore } from './persistence/follow-up-store';
import {
  ensureRegistrationIndexes,
  mongoVerificationStore,
  registrationCollection,
} from './persistence/verification-store';
import { brregClient } from './register/brreg-client';

export const SERVICE_NAME = 'follow-up';

export interface ServiceOptions {
  logger?: Logger;
}

export interface RunningService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface Wiring {
  routes: (router: Router) => void;
  readiness: ReadinessCheck[];
  registry: Registry;
}

type Closers = Array<() => Promise<void>>;

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
    await closeQuietly(closers, logger);
    throw error;
  }
}

function warnAboutDevelopmentSecrets(config: Config, logger: Logger): void {
  if (usesDevelopmentSecret(config)) {
    logger.warn('AUTH_LOCAL_SECRET is the public development secret: set it outside development');
  }
  if (config.FOLLOW_UP_LINK_SECRET === DEVELOPMENT_LINK_SECRET) {
    logger.warn(
      'FOLLOW_UP_LINK_SECRET is the public development secret: set it outside development',
    );
  }
}

async function wire(config: Config, logger: Logger, closers: Closers): Promise<Wiring> {
  warnAboutDevelopmentSecrets(config, logger);
  const connection = await mongoose
    .createConnection(config.MONGO_URL, mongoConnectionOptions(config))
    .asPromise();
  closers.unshift(() => connection.close());
  const followUps = followUpCollection(connection);
  const registrations = registrationCollection(connection);
  await ensureFollowUpIndexes(followUps);
  await ensureRegistrationIndexes(registrations);

  const kafka = createKafka({ clientId: SERVICE_NAME, brokers: config.KAFKA_BROKERS, logger });
  // The consumed topic too: subscribing to a topic that does not exist yet fails the start
  // (a fresh broker where intake has not run).
  await ensureTopics(kafka, [
    ...producedTopics(config.KAFKA_TOPIC_PREFIX),
    erasureTopic(config.KAFKA_TOPIC_PREFIX),
  ]);
  const registry = new Registry();
  const metrics = messagingMetrics(registry);
  const producer = createProducer(kafka, metrics);
  await producer.connect();
  closers.unshift(() => producer.disconnect());

  // One lock for the relays and the use cases: FerretDB's updates are not isolated (ADR 0003).
  const lock = documentLock();
  const relays = startRelays({
    // The relay accepts any document shape; the typed collections differ only in insertOne.
    collections: {
      'follow-ups': followUps as unknown as mongoose.mongo.Collection,
      registrations: registrations as unknown as mongoose.mongo.Collection,
    },
    producer,
    logger,
    metrics,
    lock,
  });
  closers.unshift(() => relays.stop());

  const useCases = followUpUseCases({
    followUps: mongoFollowUpStore(followUps, lock),
    verifications: mongoVerificationStore(registrations, lock),
    register: brregClient({
      baseUrl: config.BRREG_BASE_URL,
      timeoutMs: config.BRREG_TIMEOUT_MS,
      maxAttempts: config.BRREG_MAX_ATTEMPTS,
      backoffMs: config.BRREG_BACKOFF_MS,
    }),
    events: followUpEvents(config.KAFKA_TOPIC_PREFIX, (collection, id) =>
      relays.nudge(collection, id),
    ),
    overdueAfterDays: config.OVERDUE_AFTER_DAYS,
    newId: randomUUID,
    now: () => new Date(),
  });

  const consumer = await startErasureConsumer({
    kafka,
    connection,
    producer,
    topic: erasureTopic(config.KAFKA_TOPIC_PREFIX),
    groupId: config.KAFKA_GROUP_ID,
    logger,
    metrics,
    eraseFounder: (founderId) => useCases.eraseFounder(founderId),
  });
  closers.unshift(() => consumer.stop());

  const routes = followUpRouter({
    useCases,
    verifier: createStaffVerifier(config),
    links: createLinkTokens({
      secret: config.FOLLOW_UP_LINK_SECRET,
      ttlSeconds: config.FOLLOW_UP_LINK_TTL_DAYS * 86_400,
      audience: FOLLOW_UP_LINK_AUDIENCE,
    }),
    linkBaseUrl: config.FOLLOW_UP_LINK_BASE_URL,
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
