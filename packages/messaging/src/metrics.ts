import { Counter, Gauge, type Registry } from 'prom-client';

/** Prometheus figures of the messaging layer, registered once per registry. */
export interface MessagingMetrics {
  produced: Counter<'topic'>;
  consumed: Counter<'topic' | 'group' | 'outcome'>;
  retried: Counter<'topic' | 'group'>;
  deadLettered: Counter<'topic' | 'group' | 'reason'>;
  lag: Gauge<'topic' | 'partition' | 'group'>;
  outboxPending: Gauge;
}

const byRegistry = new WeakMap<Registry, MessagingMetrics>();

export function messagingMetrics(registry: Registry): MessagingMetrics {
  const existing = byRegistry.get(registry);
  if (existing !== undefined) {
    return existing;
  }
  const registers = [registry];
  const metrics: MessagingMetrics = {
    produced: new Counter({
      name: 'messaging_events_produced_total',
      help: 'Events published to Kafka',
      labelNames: ['topic'],
      registers,
    }),
    consumed: new Counter({
      name: 'messaging_events_consumed_total',
      help: 'Events consumed, by outcome (processed, duplicate, dead-lettered)',
      labelNames: ['topic', 'group', 'outcome'],
      registers,
    }),
    retried: new Counter({
      name: 'messaging_events_retried_total',
      help: 'Handler retries after a retriable error',
      labelNames: ['topic', 'group'],
      registers,
    }),
    deadLettered: new Counter({
      name: 'messaging_events_dead_lettered_total',
      help: 'Messages sent to a dead-letter topic',
      labelNames: ['topic', 'group', 'reason'],
      registers,
    }),
    lag: new Gauge({
      name: 'messaging_consumer_lag',
      help: 'Messages behind the partition high watermark, as last seen by the consumer',
      labelNames: ['topic', 'partition', 'group'],
      registers,
    }),
    outboxPending: new Gauge({
      name: 'messaging_outbox_due_documents',
      help: 'Documents with unpublished outbox events found due in the last relay pass',
      registers,
    }),
  };
  byRegistry.set(registry, metrics);
  return metrics;
}
