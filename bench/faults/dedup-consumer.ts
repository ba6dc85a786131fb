import {
  createKafka,
  createProducer,
  runConsumer,
  type ParseResult,
  type ProcessedEvents,
} from '@grunderboost/messaging';
import { createLogger } from '@grunderboost/service-kit';

/**
 * A consumer as the services run one: packages/messaging's runConsumer (commit after the
 * effect, skip event ids already processed), in a group of its own. Its dedup memory is kept in
 * this process instead of a database (the same ProcessedEvents port the services fill with
 * mongoProcessedEvents): the broker is what is killed here, not the consumer, and FerretDB could
 * not keep up with two writes per event at 500/s. It counts, per key (the event id, or the
 * application or founder an event is about), every delivery (raw copies, before dedup) and
 * every time the handler applied one (after dedup: what a projection, and so a user, would see
 * twice).
 */
export interface Tally {
  /** Key → messages delivered for it (every copy). */
  deliveries: Map<string, number>;
  /** Key → events the handler applied for it (copies of one event id count once). */
  applied: Map<string, number>;
}

export interface Probe {
  id: string;
  type?: string;
  subject?: string;
  data?: Record<string, unknown>;
}

export async function startDedupConsumer(options: {
  brokers: string[];
  groupId: string;
  topics: string[];
  /** What an event counts for; undefined: not counted (other events on the topics). */
  keyOf: (event: Probe) => string | undefined;
}) {
  const tally: Tally = { deliveries: new Map(), applied: new Map() };
  const bump = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
  const seen = new Set<string>();
  const processed: ProcessedEvents = {
    has: (id) => Promise.resolve(seen.has(id)),
    record: (id) => {
      seen.add(id);
      return Promise.resolve();
    },
  };
  const logger = createLogger({ service: 'bench-faults-consumer', level: 'silent' });
  const kafka = createKafka({
    clientId: 'bench-faults-consumer',
    brokers: options.brokers,
    logger,
  });
  const producer = createProducer(kafka);
  await producer.connect();
  const counted = (map: Map<string, number>, event: Probe) => {
    const key = options.keyOf(event);
    if (key !== undefined) bump(map, key);
  };
  const consumer = await runConsumer<Probe>({
    kafka,
    groupId: options.groupId,
    topics: options.topics,
    // The runner parses every message it receives, copies included: the raw count.
    parse: (raw) => {
      const parsed = parseWithId(raw);
      if (parsed.ok) counted(tally.deliveries, parsed.event);
      return parsed;
    },
    eventId: (event) => event.id,
    processed,
    producer,
    logger,
    fromBeginning: true,
    handle: (event) => {
      counted(tally.applied, event);
      return Promise.resolve();
    },
  });
  return {
    tally,
    stop: async () => {
      await consumer.stop();
      await producer.disconnect();
    },
  };
}

function parseWithId(raw: unknown): ParseResult<Probe> {
  const event = raw as { id?: unknown } | null;
  if (typeof event?.id !== 'string') return { ok: false, error: 'no event id' };
  return { ok: true, event: event as Probe };
}
