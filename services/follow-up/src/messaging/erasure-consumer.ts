import { parseEvent, type AnyEvent } from '@grunderboost/contracts';
import {
  mongoProcessedEvents,
  runConsumer,
  type MessageProducer,
  type MessagingMetrics,
  type RunningConsumer,
} from '@grunderboost/messaging';
import type { Kafka } from 'kafkajs';
import type mongoose from 'mongoose';
import type { Logger } from 'pino';

export interface ErasureConsumerOptions {
  kafka: Kafka;
  connection: mongoose.Connection;
  producer: MessageProducer;
  topic: string;
  groupId: string;
  logger: Logger;
  metrics: MessagingMetrics;
  eraseFounder: (founderId: string) => Promise<number>;
}

/**
 * Follows intake's topic for erasure requests and ignores its other events. Erasing is
 * idempotent (an erased follow-up stays erased), so a redelivery after a crash does no harm;
 * database failures are retried by the runner, malformed messages go to the DLQ.
 */
export function startErasureConsumer(options: ErasureConsumerOptions): Promise<RunningConsumer> {
  const { logger, groupId } = options;
  return runConsumer<AnyEvent>({
    kafka: options.kafka,
    groupId,
    topics: [options.topic],
    parse: parseEvent,
    eventId: (event) => event.id,
    processed: mongoProcessedEvents(options.connection, groupId),
    producer: options.producer,
    logger: logger.child({ component: 'erasure-consumer' }),
    metrics: options.metrics,
    fromBeginning: true,
    handle: async (event) => {
      if (event.type !== 'intake.FounderErasureRequested.v1') return;
      const erased = await options.eraseFounder(event.data.founderId);
      logger.info({ eventId: event.id, erased }, 'founder erased');
    },
  });
}
