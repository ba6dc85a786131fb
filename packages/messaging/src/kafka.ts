import { Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { Logger } from 'pino';

export interface KafkaSettings {
  clientId: string;
  brokers: string[];
  logger: Logger;
}

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs logs through the service's pino logger, so every line is structured JSON. */
function pinoLogCreator(logger: Logger): logCreator {
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      logger[LEVELS[level] ?? 'info']({ kafka: extra }, message);
    };
}

/** The one place that constructs the kafkajs client (the library stays swappable). */
export function createKafka({ clientId, brokers, logger }: KafkaSettings): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    logCreator: pinoLogCreator(logger.child({ component: 'kafka' })),
    retry: { initialRetryTime: 200, retries: 8 },
  });
}

/** A readiness check: the broker answers a metadata request. */
export function kafkaReadiness(kafka: Kafka): { name: string; check: () => Promise<void> } {
  return {
    name: 'kafka',
    check: async () => {
      const admin = kafka.admin();
      await admin.connect();
      try {
        await admin.describeCluster();
      } finally {
        await admin.disconnect();
      }
    },
  };
}

/**
 * Topic names may carry a deployment prefix (KAFKA_TOPIC_PREFIX), so that tests and
 * parallel environments on one broker never read each other's events.
 */
export function prefixedTopic(prefix: string, topic: string): string {
  return prefix === '' ? topic : `${prefix}.${topic}`;
}
