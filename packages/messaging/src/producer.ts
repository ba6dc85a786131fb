import type { Kafka, Producer } from 'kafkajs';
import type { MessagingMetrics } from './metrics';

/** A message as our code sees it; the Kafka client library stays behind this interface. */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface MessageProducer {
  connect(): Promise<void>;
  /** Resolves once every message is acknowledged by all in-sync replicas. */
  send(messages: OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

/**
 * Idempotent kafkajs producer: the broker drops the duplicates its own retries would
 * cause, and with one request in flight per connection the order per partition holds.
 */
export function createProducer(kafka: Kafka, metrics?: MessagingMetrics): MessageProducer {
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  return {
    connect: () => producer.connect(),
    disconnect: () => producer.disconnect(),
    async send(messages) {
      if (messages.length === 0) {
        return;
      }
      const byTopic = new Map<string, OutgoingMessage[]>();
      for (const message of messages) {
        byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
      }
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic,
          messages: list.map(({ key, value, headers }) => ({ key, value, headers })),
        })),
      });
      for (const [topic, list] of byTopic) {
        metrics?.produced.inc({ topic }, list.length);
      }
    },
  };
}
