import { randomUUID } from 'node:crypto';
import {
  createKafka,
  createProducer,
  documentLock,
  ensureTopics,
  kafkaReadiness,
  messagingMetrics,
  prefixedTopic,
} from '@grunderboost/messaging';
import {
  createApp,
  createLogger,
  mongoReadiness,
  startServer,
  mongoConnectionOptions,
} from '@grunderboost/service-kit';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import { Counter, Registry } from 'prom-client';
import type { Clock, Dependencies } from './app/dependencies';
import { startDeliveryWorker } from './app/delivery-worker';
import { seedPartners } from './app/registry';
import { DEVELOPMENT_PSEUDONYM_KEY, type Config } from './config';
import { partnerKey } from './app/pseudonym';
import { routes } from './http/router';
import { CONSUMED_TOPICS, startConsumer } from './messaging/consumer';
import { feedTopic } from './messaging/topics';
import { consentStore } from './persistence/consent-store';
import { deliveryStore } from './persistence/delivery-store';
import { keyStore } from './persistence/key-store';
import { partnerStore } from './persistence/partner-store';
import { subscriptionStore } from './persistence/subscription-store';

export const SERVICE_NAME = 'partners';

export interface ServiceOptions {
  logger?: Logger;
  clock?: Clock;
}

export interface RunningService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

type Closers = Array<() => Promise<void>>;

const systemClock: Clock = { now: () => new Date(), newId: randomUUID };

/** Database, Kafka feed producer, consumer, delivery worker, HTTP. */
export async function startService(
  config: Config,
  options: ServiceOptions = {},
): Promise<RunningService> {
  const logger = options.logger ?? createLogger({ service: SERVICE_NAME, level: config.LOG_LEVEL });
  if (config.PSEUDONYM_KEY === DEVELOPMENT_PSEUDONYM_KEY) {
    logger.warn('PSEUDONYM_KEY is the public development key: set it outside development');
  }
  const closers: Closers = [];
  try {
    const connection = await mongoose
      .createConnection(config.MONGO_URL, mongoConnectionOptions(config))
      .asPromise();
    closers.unshift(() => connection.close());
    const kafka = createKafka({ clientId: SERVICE_NAME, brokers: config.KAFKA_BROKERS, logger });
    const registry = new Registry();
    const metrics = messagingMetrics(registry);
    const producer = createProducer(kafka, metrics);
    await producer.connect();
    closers.unshift(() => producer.disconnect());

    const attempts = new Counter({
      name: 'partners_webhook_attempts_total',
      help: 'Webhook delivery attempts by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    });
    let nudge = () => {};
    const locks = documentLock();
    const deps: Dependencies = {
      partners: partnerStore(connection),
      keys: keyStore(connection),
      consents: consentStore(connection),
      subscriptions: subscriptionStore(connection),
      deliveries: deliveryStore(connection, locks),
      producer,
      feedTopic: (partnerId) => feedTopic(config.KAFKA_TOPIC_PREFIX, partnerId),
      ensureFeed: (partnerId) =>
        ensureTopics(kafka, [feedTopic(config.KAFKA_TOPIC_PREFIX, partnerId)]),
      pseudonymKey: (partnerId) => partnerKey(config.PSEUDONYM_KEY, partnerId),
      locks,
      clock: options.clock ?? systemClock,
      logger,
      webhooks: {
        backoffInitialMs: config.WEBHOOK_BACKOFF_INITIAL_MS,
        backoffMaxMs: config.WEBHOOK_BACKOFF_MAX_MS,
        disableAfterAttempts: config.WEBHOOK_DISABLE_AFTER_ATTEMPTS,
        disableAfterMs: config.WEBHOOK_DISABLE_AFTER_MS,
        timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      },
      nudge: () => nudge(),
      countAttempt: (outcome) => attempts.inc({ outcome }),
    };
    await seedPartners(deps);
    const partnerIds = (await deps.partners.list()).map((p) => p.partnerId);
    await ensureTopics(kafka, [
      ...partnerIds.map((id) => deps.feedTopic(id)),
      ...CONSUMED_TOPICS.map((topic) => prefixedTopic(config.KAFKA_TOPIC_PREFIX, topic)),
    ]);

    const worker = startDeliveryWorker(deps, config.WEBHOOK_POLL_MS);
    nudge = () => worker.nudge();
    closers.unshift(() => worker.stop());
    const consumer = await startConsumer(
      deps,
      kafka,
      connection,
      config.KAFKA_TOPIC_PREFIX,
      metrics,
    );
    closers.unshift(() => consumer.stop());

    const app = createApp({
      service: SERVICE_NAME,
      logger,
      bodyLimit: config.BODY_LIMIT,
      readiness: [mongoReadiness(connection), kafkaReadiness(kafka)],
      registry,
      routes: routes(deps, config),
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
    for (const close of closers) await close().catch(() => undefined);
    throw error;
  }
}
