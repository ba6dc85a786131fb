import { Client, Connection } from '@temporalio/client';
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
import { createApp, mongoReadiness, startServer } from '@grunderboost/service-kit';
import { Registry } from 'prom-client';
import { journeyWorkflowId, type BridgeConfig } from '../config';
import { applicationSubmitted, founderJourney } from '../workflows/founder-journey';

export interface RunningBridge {
  url: string;
  stop(): Promise<void>;
}

/**
 * Turns Kafka events into signals of the founder's journey (signal-with-start), so the
 * first event of a founder starts the workflow and later ones reach the running one.
 */
export async function startBridge(config: BridgeConfig, logger: Logger): Promise<RunningBridge> {
  const mongo = await mongoose.createConnection(config.MONGO_URL).asPromise();
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

  const signal = async (event: AnyEvent): Promise<void> => {
    if (event.type !== 'intake.ApplicationSubmitted.v1') return;
    await client.workflow.signalWithStart(founderJourney, {
      workflowId: journeyWorkflowId(event.data.founderId),
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      args: [{ founderId: event.data.founderId }],
      signal: applicationSubmitted,
      signalArgs: [
        {
          eventId: event.id,
          founderId: event.data.founderId,
          applicationId: event.data.applicationId,
        },
      ],
    });
  };

  const consumer = await runConsumer<AnyEvent>({
    kafka,
    groupId: config.BRIDGE_CONSUMER_GROUP,
    topics: [prefixedTopic(config.KAFKA_TOPIC_PREFIX, 'intake.applications')],
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
    routes: () => undefined,
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
