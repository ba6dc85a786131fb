import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import { parseEvent, type AnyEvent } from '@grunderboost/contracts';
import {
  createKafka,
  createProducer,
  kafkaReadiness,
  messagingMetrics,
  mongoProcessedEvents,
  prefixedTopic,
  runConsumer,
} from '@grunderboost/messaging';
import {
  createApp,
  mongoReadiness,
  startServer,
  mongoConnectionOptions,
} from '@grunderboost/service-kit';
import { createLinkTokens } from '@grunderboost/auth';
import { intakeLookup } from './founder-access';
import { journeyRoutes } from './journey-routes';
import { mentorshipRoutes } from './mentorship-routes';
import { Registry } from 'prom-client';
import { journeyWorkflowId, timingsOf, type BridgeConfig } from '../config';
import { founderJourney, journeyEvent } from '../workflows/founder-journey';
import { BRIDGE_TOPICS, journeyEventOf } from './translate';

/** Verifies only: links are issued by intake (the lifetime is intake's, inside the token). */
export const founderLinks = (config: BridgeConfig) =>
  createLinkTokens({ secret: config.FOUNDER_LINK_SECRET, ttlSeconds: 1 });

export interface RunningBridge {
  url: string;
  stop(): Promise<void>;
}

/**
 * Turns Kafka events into signals of the founder's journey (signal-with-start), so the
 * first event of a founder starts the workflow and later ones reach the running one.
 */
export async function startBridge(config: BridgeConfig, logger: Logger): Promise<RunningBridge> {
  const mongo = await mongoose
    .createConnection(config.MONGO_URL, mongoConnectionOptions(config))
    .asPromise();
  const temporal = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection: temporal, namespace: config.TEMPORAL_NAMESPACE });
  const kafka = createKafka({
    clientId: 'journey-bridge',
    brokers: config.KAFKA_BROKERS.split(','),
    logger,
  });
  const registry = new Registry();
  const metrics = messagingMetrics(registry);
  const producer = createProducer(kafka, metrics);
  await producer.connect();

  const timings = timingsOf(config);
  const signal = async (event: AnyEvent): Promise<void> => {
    const forwarded = journeyEventOf(event);
    if (forwarded === undefined) return;
    const workflowId = journeyWorkflowId(event.subject);
    if (forwarded.kind === 'submitted') {
      // A submission starts the journey (or reaches the running one: a returning founder).
      await client.workflow.signalWithStart(founderJourney, {
        workflowId,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        args: [{ founderId: event.subject, timings }],
        signal: journeyEvent,
        signalArgs: [forwarded],
      });
      return;
    }
    // Later events never start a journey: one that has ended stays ended.
    try {
      await client.workflow.getHandle(workflowId).signal(journeyEvent, forwarded);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      logger.info({ workflowId, type: event.type }, 'no running journey for the event; skipped');
    }
  };

  const consumer = await runConsumer<AnyEvent>({
    kafka,
    groupId: config.BRIDGE_CONSUMER_GROUP,
    topics: BRIDGE_TOPICS.map((topic) => prefixedTopic(config.KAFKA_TOPIC_PREFIX, topic)),
    parse: parseEvent,
    eventId: (event) => event.id,
    handle: signal,
    processed: mongoProcessedEvents(mongo, config.BRIDGE_CONSUMER_GROUP),
    producer,
    logger,
    metrics,
  });

  const app = createApp({
    service: 'journey-bridge',
    logger,
    registry,
    readiness: [mongoReadiness(mongo), kafkaReadiness(kafka)],
    routes: (router) => {
      mentorshipRoutes(client, config.TEMPORAL_TASK_QUEUE, config)(router);
      journeyRoutes({
        client,
        auth: config,
        links: founderLinks(config),
        intake: intakeLookup(config.INTAKE_URL),
      })(router);
    },
  });
  const server = await startServer(app, {
    port: config.PORT,
    host: config.HOST,
    logger,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    onShutdown: [
      () => consumer.stop(),
      () => producer.disconnect(),
      () => temporal.close(),
      () => mongo.close(),
    ],
  });
  return { url: server.url, stop: () => server.close() };
}
