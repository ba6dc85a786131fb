import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import {
  createKafka,
  createOutboxRelay,
  createProducer,
  newOutbox,
  type OutboxEvent,
  type OutboxFields,
} from '@grunderboost/messaging';
import { createLogger } from '@grunderboost/service-kit';
import mongoose from 'mongoose';
import { sleep } from '../lib/main';

/**
 * Events produced the way the services produce them: written to an outbox in the run's own
 * database (one document per tenth of a second carrying its events, created with `newOutbox` as a
 * service creates an aggregate with its first events) and published by the real outbox relay
 * of packages/messaging through its idempotent producer (acks from all replicas). When Kafka is
 * down the relay's send fails, it records the failure and backs off per document, and publishes
 * again later: the application-level retry the services rely on.
 */
export const PROBE_TYPE = 'bench.FaultProbe.v1';
const COLLECTION = 'fault_probes';
// Ten documents a second of ~50 events each: few enough writes for FerretDB.
const TICK_MS = 100;
/** A slow insert must not make the next document huge: the rate falls behind instead. */
const MAX_EVENTS_PER_DOCUMENT = 100;
/**
 * Documents per relay request. The services' relays use the default of 100 documents of one or
 * two events (~100 kB a request); 10 of these documents make a request of the same size. Larger
 * requests pass the broker's 1 MB limit and wedge the relay (README, "What it found").
 */
const RELAY_BATCH_DOCUMENTS = 10;

export interface ProbeEvent {
  id: string;
  type: string;
  seq: number;
  time: string;
}

/**
 * The relay's and kafkajs's warnings go to a file (they would bury the progress lines) and the
 * relay's failures are counted.
 */
function countingLogger(logFile: string) {
  const counts = { publishFailures: 0, passFailures: 0 };
  const file = createWriteStream(logFile, { flags: 'a' });
  const destination = {
    write(line: string) {
      file.write(line);
      if (line.includes('outbox publish failed')) counts.publishFailures += 1;
      if (line.includes('outbox relay pass failed')) counts.passFailures += 1;
    },
  };
  const logger = createLogger({ service: 'bench-faults', level: 'warn', destination });
  return { counts, logger, close: () => new Promise<void>((done) => file.end(done)) };
}

function probeEvents(topic: string, first: number, count: number): OutboxEvent[] {
  return Array.from({ length: count }, (_, n) => {
    const seq = first + n;
    const event: ProbeEvent = {
      id: randomUUID(),
      type: PROBE_TYPE,
      seq,
      time: new Date().toISOString(),
    };
    return { id: event.id, topic, key: `founder-${seq % 64}`, event };
  });
}

export type OutboxSource = Awaited<ReturnType<typeof startOutboxSource>>;

export async function startOutboxSource(options: {
  brokers: string[];
  mongoUrl: string;
  topic: string;
  perSecond: number;
  logFile: string;
}) {
  const connection = await mongoose.createConnection(options.mongoUrl).asPromise();
  const collection = connection.collection<OutboxFields & { _id: string }>(COLLECTION);
  const { counts, logger, close } = countingLogger(options.logFile);
  const kafka = createKafka({ clientId: 'bench-faults-relay', brokers: options.brokers, logger });
  const producer = createProducer(kafka);
  await producer.connect();
  const relay = createOutboxRelay({
    collection: collection as unknown as mongoose.mongo.Collection,
    producer,
    logger,
    batchSize: RELAY_BATCH_DOCUMENTS,
  });
  relay.start();
  const sent = new Set<string>();
  let writing = true;
  const started = Date.now();
  const writer = (async () => {
    while (writing) {
      const due = Math.min(
        MAX_EVENTS_PER_DOCUMENT,
        Math.floor(((Date.now() - started) / 1000) * options.perSecond) - sent.size,
      );
      if (due > 0) {
        const events = probeEvents(options.topic, sent.size, due);
        const id = randomUUID();
        await collection.insertOne({ _id: id, ...newOutbox(events, new Date()) });
        // Committed with its outbox: from here on the event counts as sent.
        for (const event of events) sent.add(event.id);
        relay.nudge(id);
      }
      await sleep(TICK_MS);
    }
  })();
  return {
    sent,
    relayCounts: counts,
    /** Documents whose events the relay has not all published yet. */
    pending: () => collection.countDocuments({ outboxNextAttemptAt: { $ne: null } }),
    /** Event ids whose publish Kafka acknowledged (the relay marked them sent), and the rest. */
    acknowledged: async () => {
      const acked = new Set<string>();
      let unpublished = 0;
      for (const document of await collection.find({}).toArray()) {
        for (const entry of document.outbox) {
          if (entry.status === 'sent') acked.add(entry.eventId);
          else unpublished += 1;
        }
      }
      return { acked, unpublished };
    },
    stopWriting: async () => {
      writing = false;
      await writer;
    },
    stop: async () => {
      writing = false;
      await writer.catch(() => undefined);
      // A pass may wait long on a busy FerretDB: closing the connection ends it as well.
      await Promise.race([relay.stop(), sleep(10_000)]);
      await producer.disconnect().catch(() => undefined);
      await connection.close();
      await close();
    },
  };
}
