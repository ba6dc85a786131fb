import {
  createOutboxRelay,
  type DocumentLock,
  type MessageProducer,
  type MessagingMetrics,
  type OutboxRelay,
} from '@grunderboost/messaging';
import type mongoose from 'mongoose';
import type { Logger } from 'pino';

/**
 * Publishes one collection's outbox events from inside the service process. The lock is the
 * one the use cases hold while they change a document, so the relay's marks never interleave
 * with their appends (FerretDB does not isolate updates, ADR 0003).
 */
export function startRelay(settings: {
  collection: mongoose.mongo.Collection<never>;
  name: string;
  producer: MessageProducer;
  logger: Logger;
  metrics: MessagingMetrics;
  lock: DocumentLock;
}): OutboxRelay {
  const relay = createOutboxRelay({
    // The relay reads only its own outbox fields and accepts any document shape.
    collection: settings.collection as unknown as mongoose.mongo.Collection,
    producer: settings.producer,
    logger: settings.logger.child({ component: 'outbox-relay', collection: settings.name }),
    metrics: settings.metrics,
    lock: settings.lock,
  });
  relay.start();
  return relay;
}
