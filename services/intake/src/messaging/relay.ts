import {
  createOutboxRelay,
  type DocumentLock,
  type MessageProducer,
  type MessagingMetrics,
} from '@grunderboost/messaging';
import type mongoose from 'mongoose';
import type { Logger } from 'pino';
import type { ApplicationCollection } from '../persistence/application-document';

export interface RelaySettings {
  collection: ApplicationCollection;
  producer: MessageProducer;
  logger: Logger;
  metrics: MessagingMetrics;
  lock: DocumentLock;
  enabled: boolean;
  exitAfterPublish: boolean;
}

export interface RunningRelay {
  nudge(applicationId: string): void;
  stop(): Promise<void>;
}

/** Exit code of a SIGKILLed process, so the crash test sees what a real kill looks like. */
const KILLED_EXIT_CODE = 137;

/** Starts the outbox relay, or (test-only faults) a disabled or crashing one. */
export function startRelay(settings: RelaySettings): RunningRelay {
  const { logger } = settings;
  if (!settings.enabled) {
    logger.warn('OUTBOX_RELAY_ENABLED=false: applications are stored but never published');
    return { nudge: () => undefined, stop: async () => undefined };
  }
  const relay = createOutboxRelay({
    // The relay reads only its own outbox fields and accepts any document shape; the typed
    // collection is not assignable to the untyped one because insertOne's parameter differs.
    collection: settings.collection as unknown as mongoose.mongo.Collection,
    producer: settings.producer,
    logger: logger.child({ component: 'outbox-relay' }),
    metrics: settings.metrics,
    lock: settings.lock,
    afterPublish: settings.exitAfterPublish
      ? () => {
          logger.fatal('FAULT_EXIT_AFTER_PUBLISH: exiting after the publish, before the mark');
          process.exit(KILLED_EXIT_CODE);
        }
      : undefined,
  });
  relay.start();
  return { nudge: (applicationId) => relay.nudge(applicationId), stop: () => relay.stop() };
}
