import {
  createOutboxRelay,
  type MessageProducer,
  type MessagingMetrics,
  type OutboxRelay,
} from '@grunderboost/messaging';
import type mongoose from 'mongoose';
import type { Logger } from 'pino';
import type { AssignmentCollection } from '../persistence/assignment-store';

/** Publishes the assignments' outbox events from inside the service process. */
export function startRelay(settings: {
  collection: AssignmentCollection;
  producer: MessageProducer;
  logger: Logger;
  metrics: MessagingMetrics;
}): OutboxRelay {
  const relay = createOutboxRelay({
    // The relay reads only its own outbox fields and accepts any document shape; the typed
    // collection is not assignable to the untyped one because insertOne's parameter differs.
    collection: settings.collection as unknown as mongoose.mongo.Collection,
    producer: settings.producer,
    logger: settings.logger.child({ component: 'outbox-relay' }),
    metrics: settings.metrics,
  });
  relay.start();
  return relay;
}
