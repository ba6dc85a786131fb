import { parseEvent, topicOf, type AnyEvent } from '@grunderboost/contracts';
import {
  PoisonMessageError,
  mongoProcessedEvents,
  prefixedTopic,
  runConsumer,
  type MessageProducer,
  type MessagingMetrics,
  type RunningConsumer,
} from '@grunderboost/messaging';
import type { Kafka } from 'kafkajs';
import type mongoose from 'mongoose';
import type { Logger } from 'pino';
import type { MetricsUseCases } from '../app/metrics';

export interface ProjectionConsumerOptions {
  kafka: Kafka;
  connection: mongoose.Connection;
  producer: MessageProducer;
  topicPrefix: string;
  topics: string[];
  groupId: string;
  logger: Logger;
  metrics: MessagingMetrics;
  useCases: MetricsUseCases;
}

/**
 * Feeds the consumed topics into the projection. Malformed messages and events published to
 * a topic their type does not belong to go to `<topic>.dlq`; the runner skips event ids
 * this group already processed and retries transient database failures.
 */
export function startProjectionConsumer(
  options: ProjectionConsumerOptions,
): Promise<RunningConsumer> {
  const { topicPrefix, groupId, logger, useCases } = options;
  return runConsumer<AnyEvent>({
    kafka: options.kafka,
    groupId,
    topics: options.topics,
    parse: parseEvent,
    eventId: (event) => event.id,
    processed: mongoProcessedEvents(options.connection, groupId),
    producer: options.producer,
    logger,
    metrics: options.metrics,
    fromBeginning: true,
    handle: async (event, context) => {
      // A valid event on a foreign topic is a producer bug: counting it would hide it.
      const home = prefixedTopic(topicPrefix, topicOf(event.type));
      if (home !== context.topic) {
        throw new PoisonMessageError(`${event.type} belongs on ${home}, not ${context.topic}`);
      }
      const outcome = await useCases.recordEvent(event);
      logger.debug({ eventId: event.id, type: event.type, outcome }, 'event projected');
    },
  });
}
