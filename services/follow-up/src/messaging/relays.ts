import {
  createOutboxRelay,
  type DocumentLock,
  type MessageProducer,
  type MessagingMetrics,
  type OutboxRelay,
} from '@grunderboost/messaging';
import type mongoose from 'mongoose';
import type { Logger } from 'pino';

export interface RelaySettings {
  /** Collections whose documents carry an outbox, by the name the use cases nudge with. */
  collections: Record<'follow-ups' | 'registrations', mongoose.mongo.Collection>;
  producer: MessageProducer;
  logger: Logger;
  metrics: MessagingMetrics;
  lock: DocumentLock;
}

export interface RunningRelays {
  nudge(collection: 'follow-ups' | 'registrations', documentId: string): void;
  stop(): Promise<void>;
}

/** One outbox relay per collection, sharing the producer and the per-document lock. */
export function startRelays(settings: RelaySettings): RunningRelays {
  const relays = new Map<string, OutboxRelay>();
  for (const [name, collection] of Object.entries(settings.collections)) {
    const relay = createOutboxRelay({
      collection,
      producer: settings.producer,
      logger: settings.logger.child({
        component: 'outbox-relay',
        collection: collection.collectionName,
      }),
      metrics: settings.metrics,
      // Lock keys are document ids: follow-up ids and founder ids are both UUIDs, and the
      // two never coincide (follow-up ids are derived, version 8).
      lock: settings.lock,
    });
    relay.start();
    relays.set(name, relay);
  }
  return {
    nudge: (collection, documentId) => relays.get(collection)?.nudge(documentId),
    async stop() {
      await Promise.all([...relays.values()].map((relay) => relay.stop()));
    },
  };
}
