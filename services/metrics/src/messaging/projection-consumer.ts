import { topicOf } from '@grunderboost/contracts';
import {
  PoisonMessageError,
  mongoProcessedEvents,
  prefixedTopic,
  runConsumer,
  type MessageContext,
  type MessageProducer,
  type MessagingMetrics,
  type RunningConsumer,
} from '@grunderboost/messaging';
import type { Kafka } from 'kafkajs';
import type mongoose from 'mongoose';
import type { Logger } from 'pino';
import type { MetricsUseCases } from '../app/metrics';
import type { Projector } from '../app/projector';
import { isUnknown, parseConsumed, type ConsumedEvent } from './parse';

export interface ProjectionConsumerOptions {
  kafka: Kafka;
  connection: mongoose.Connection;
  producer: MessageProducer;
  topicPrefix: string;
  topics: string[];
  groupId: string;
  logger: Logger;
  metrics?: MessagingMetrics;
  projector: Projector;
  /** The summary counters of the walking skeleton; the rebuild leaves them alone. */
  useCases?: MetricsUseCases;
  /** Called after each event is handled (the rebuild counts its progress). */
  onHandled?: (context: MessageContext) => void;
}

/** Consumer group of a projection version: version 1 keeps the configured name. */
export const groupOf = (base: string, version: number): string =>
  version === 1 ? base : `${base}.v${version}`;

/**
 * Processed event ids are kept per projection version, not per group: a second group feeding
 * the same version (a new group name, a restart under another name) counts nothing twice.
 */
export const processedKeyOf = (version: number): string => `projection-v${version}`;

/**
 * Feeds the consumed topics into one projection version. Malformed messages and events on a
 * topic their type does not belong to go to `<topic>.dlq`; unknown types are skipped.
 */
export async function startProjectionConsumer(
  options: ProjectionConsumerOptions,
): Promise<RunningConsumer> {
  const { topicPrefix, logger, projector, useCases } = options;
  const processed = mongoProcessedEvents(options.connection, processedKeyOf(projector.version));
  await projector.resume((eventId) => processed.record(eventId));
  return runConsumer<ConsumedEvent>({
    kafka: options.kafka,
    groupId: options.groupId,
    topics: options.topics,
    parse: parseConsumed,
    eventId: (event) => event.id,
    processed,
    producer: options.producer,
    logger,
    ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
    fromBeginning: true,
    handle: async (event, context) => {
      if (isUnknown(event)) {
        logger.debug({ eventId: event.id, type: event.type }, 'unknown event type skipped');
        options.onHandled?.(context);
        return;
      }
      // A valid event on a foreign topic is a producer bug: counting it would hide it.
      const home = prefixedTopic(topicPrefix, topicOf(event.type));
      if (home !== context.topic) {
        throw new PoisonMessageError(`${event.type} belongs on ${home}, not ${context.topic}`);
      }
      await useCases?.recordEvent(event);
      await projector.project(event);
      options.onHandled?.(context);
    },
  });
}
