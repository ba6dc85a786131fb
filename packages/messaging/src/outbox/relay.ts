import type mongoose from 'mongoose';
import type { Logger } from 'pino';
import { backoffDelay, sleep, type BackoffPolicy } from '../backoff';
import type { MessagingMetrics } from '../metrics';
import type { MessageProducer } from '../producer';
import { noLock, type DocumentLock } from './document-lock';
import type { OutboxEntry, OutboxFields } from './entry';

type OutboxDocument = OutboxFields & { _id: unknown };
type Filter = mongoose.mongo.Filter<mongoose.mongo.Document>;

/** Aggregates choose their own id type (uuid strings here), so filters are built untyped. */
const byId = (id: unknown, extra: Record<string, unknown> = {}): Filter =>
  ({ _id: id, ...extra }) as Filter;

export interface OutboxRelayOptions {
  /** The aggregate collection whose documents carry an outbox. */
  collection: mongoose.mongo.Collection;
  producer: MessageProducer;
  logger: Logger;
  metrics?: MessagingMetrics;
  /** Most documents read in one pass. */
  batchSize?: number;
  /**
   * Most bytes of event payloads in one Kafka request (default 512 KiB). Kafka refuses a record
   * batch over `message.max.bytes` (1 MB by default) as non-retriable; without this bound a
   * backlog of large documents made every request too large and the relay sent the same
   * refused batch forever (bench/faults, kafka_kill). A document larger on its own goes alone,
   * so a refusal backs off that document only.
   */
  maxRequestBytes?: number;
  /** Longest idle wait between passes; a nudge ends it at once. Default 250 ms. */
  idlePollMs?: number;
  /**
   * How often the relay looks for due documents it was not told about (after a restart, after a
   * backoff, or written by another process). Default 1 000 ms. Documents it is nudged about are
   * read by their _id at once: FerretDB 1.x answers only _id filters from an index (ADR 0004),
   * so the sweep is kept rare and the fast path never scans.
   */
  sweepIntervalMs?: number;
  /**
   * The sweep scans the whole collection on FerretDB 1.x (no index answers the range filter),
   * so its cost grows with the documents stored: measured 0.6 s at 1,000 applications and 7 s
   * at 10,000. After each sweep the next one waits at least this many times as long as the
   * sweep took, which keeps the sweep's share of the database at about 1/(factor + 1) however
   * much is stored. Default 20.
   */
  sweepCostFactor?: number;
  backoff?: BackoffPolicy;
  /** Hook for crash tests: runs after Kafka acknowledged and before the documents are marked. */
  afterPublish?: () => Promise<void> | void;
  /**
   * Shared with the service's own writers of the same documents, so the relay's marks and their
   * appends never overlap (FerretDB's updates are not isolated, ADR 0003). None by default.
   */
  lock?: DocumentLock;
}

export interface OutboxRelay {
  start(): void;
  /** Sweeps for due documents now; resolves with the number of events published. */
  runOnce(): Promise<number>;
  /**
   * Wakes the relay after a write, so a new event does not wait for the next sweep. With the
   * written document's id the relay reads just that document; without, it sweeps.
   */
  nudge(documentId?: string): void;
  /** Finishes the pass in progress, then stops. */
  stop(): Promise<void>;
}

const PROJECTION = { outbox: 1, outboxNextAttemptAt: 1, outboxVersion: 1 };

const isDue = (document: OutboxDocument, now: Date) =>
  document.outboxNextAttemptAt !== null && document.outboxNextAttemptAt <= now;

/**
 * Publishes pending outbox events in document order, marks them sent, and backs off per
 * document on failure. At-least-once: a crash after Kafka's acknowledgement and before
 * the mark publishes the event again on restart; consumers drop it by its event id.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { collection, producer, logger, metrics } = options;
  const batchSize = options.batchSize ?? 100;
  const maxRequestBytes = options.maxRequestBytes ?? 512 * 1024;
  const idlePollMs = options.idlePollMs ?? 250;
  const sweepIntervalMs = options.sweepIntervalMs ?? 1_000;
  const sweepCostFactor = options.sweepCostFactor ?? 20;
  const backoff = options.backoff ?? { initialMs: 200, maxMs: 30_000 };
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  // A nudge during a pass must not be lost while no wait is in progress.
  let nudged = false;
  let sweepRequested = true; // the first pass sweeps: a restart finds what a crash left
  let nextSweepAt = 0;
  const queued = new Set<string>();
  const lock = options.lock ?? noLock;
  const update = (
    id: unknown,
    filter: Filter,
    change: mongoose.mongo.UpdateFilter<mongoose.mongo.Document>,
  ) => lock(String(id), () => collection.updateOne(filter, change));

  async function runOnce(): Promise<number> {
    const due = (await collection
      .find({ outboxNextAttemptAt: { $lte: new Date() } })
      .sort({ outboxNextAttemptAt: 1 })
      .limit(batchSize)
      .project(PROJECTION)
      .toArray()) as unknown as OutboxDocument[];
    metrics?.outboxPending.set(due.length);
    // A full batch means more may be waiting: sweep again on the next pass.
    if (due.length === batchSize) sweepRequested = true;
    return publishDocuments(due);
  }

  /** The documents the service named in its nudges, read by _id, oldest nudge first. */
  async function publishQueued(): Promise<number> {
    const ids = [...queued];
    queued.clear();
    const now = new Date();
    let published = 0;
    for (let start = 0; start < ids.length; start += batchSize) {
      // Reads of different documents overlap: the database, not this loop, is the slow part.
      const found = await Promise.all(
        ids.slice(start, start + batchSize).map(
          (id) =>
            collection.findOne(byId(id), {
              projection: PROJECTION,
            }) as Promise<OutboxDocument | null>,
        ),
      );
      const documents = found.filter((d): d is OutboxDocument => d !== null && isDue(d, now));
      // Named but not yet due (in a backoff, or a retry timer that fired a millisecond early:
      // Node's timers run on a monotonic clock, not Date.now()): tried again when it is due,
      // rather than left to the next sweep.
      for (const d of found) {
        if (d !== null && d.outboxNextAttemptAt instanceof Date && !isDue(d, now)) {
          retryAtBackoff(String(d._id), d.outboxNextAttemptAt);
        }
      }
      published += await publishDocuments(documents);
    }
    return published;
  }

  /** One Kafka request for the pending events of all the documents, then one mark each. */
  async function publishDocuments(documents: OutboxDocument[]): Promise<number> {
    const work = documents.map((document) => ({
      document,
      pending: document.outbox
        .map((entry, index) => ({ entry, index }))
        .filter(({ entry }) => entry.status === 'pending'),
    }));
    for (const { document } of work.filter((w) => w.pending.length === 0)) {
      await update(document._id, byId(document._id, { outboxVersion: document.outboxVersion }), {
        $set: { outboxNextAttemptAt: null },
      });
    }
    let published = 0;
    for (const request of byRequestSize(
      work.filter((w) => w.pending.length > 0),
      maxRequestBytes,
    )) {
      published += await publishRequest(request);
    }
    return published;
  }

  /** One Kafka request for these documents' pending events, then one mark each. */
  async function publishRequest(sending: PendingWork[]): Promise<number> {
    try {
      await producer.send(sending.flatMap((w) => w.pending.map(({ entry }) => toMessage(entry))));
    } catch (error) {
      for (const { document, pending } of sending) {
        await recordFailure(document, pending[0]?.index ?? 0, error);
      }
      return 0;
    }
    await options.afterPublish?.();
    // Marks of different documents overlap too; each document's own writes stay serial (lock).
    await Promise.all(
      sending.map(({ document, pending }) =>
        markSent(
          document,
          pending.map(({ index }) => index),
        ),
      ),
    );
    return sending.reduce((sum, { pending }) => sum + pending.length, 0);
  }

  async function markSent(document: OutboxDocument, indexes: number[]): Promise<void> {
    const sentAt = new Date();
    const marks: Record<string, unknown> = {};
    for (const index of indexes) {
      marks[`outbox.${index}.status`] = 'sent';
      marks[`outbox.${index}.sentAt`] = sentAt;
    }
    // Appends only push at the end, so the indexes stay valid. If nothing was appended
    // meanwhile the document is done; otherwise it stays due for the new events.
    const done = await update(
      document._id,
      byId(document._id, { outboxVersion: document.outboxVersion }),
      { $set: { ...marks, outboxNextAttemptAt: null } },
    );
    if (done.matchedCount === 0) {
      await update(document._id, byId(document._id), { $set: marks });
    }
  }

  async function recordFailure(document: OutboxDocument, index: number, error: unknown) {
    const attempts = (document.outbox[index]?.attempts ?? 0) + 1;
    const retryAt = new Date(Date.now() + backoffDelay(attempts, backoff));
    const message = error instanceof Error ? error.message : String(error);
    logger.warn({ err: error, attempts, retryAt }, 'outbox publish failed; backing off');
    await update(document._id, byId(document._id), {
      $set: {
        [`outbox.${index}.attempts`]: attempts,
        [`outbox.${index}.lastError`]: message.slice(0, 500),
        outboxNextAttemptAt: retryAt,
      },
    });
    retryAtBackoff(String(document._id), retryAt);
  }

  /**
   * The retry is this process's to make when its backoff ends, by _id: sweeps are spaced by
   * their cost and would otherwise delay it. (The stored retryAt is for a restarted relay.)
   */
  function retryAtBackoff(id: string, retryAt: Date): void {
    const timer = setTimeout(
      () => {
        if (!running) return;
        queued.add(id);
        nudged = true;
        wake?.();
      },
      Math.max(0, retryAt.getTime() - Date.now()),
    );
    timer.unref();
  }

  async function sweep(): Promise<number> {
    sweepRequested = false;
    const started = Date.now();
    try {
      return await runOnce();
    } finally {
      nextSweepAt =
        Date.now() + nextSweepDelay(sweepIntervalMs, Date.now() - started, sweepCostFactor);
    }
  }

  /** Nudged documents first (cheap, by _id), then a sweep when one is asked for or due. */
  async function pass(): Promise<number> {
    let published = queued.size > 0 ? await publishQueued() : 0;
    if (sweepRequested || Date.now() >= nextSweepAt) published += await sweep();
    return published;
  }

  async function run(): Promise<void> {
    while (running) {
      nudged = false;
      try {
        if ((await pass()) > 0) continue; // more may be due: no pause while there is work
      } catch (error) {
        logger.error({ err: error }, 'outbox relay pass failed');
      }
      if (nudged || queued.size > 0) continue;
      const untilSweep = Math.max(0, nextSweepAt - Date.now());
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, Math.min(idlePollMs, untilSweep));
      });
    }
  }

  return {
    runOnce,
    start() {
      if (!running) {
        running = true;
        loop = run();
      }
    },
    nudge(documentId) {
      if (documentId === undefined) sweepRequested = true;
      else queued.add(documentId);
      nudged = true;
      wake?.();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      await sleep(0);
    },
  };
}

interface PendingWork {
  document: OutboxDocument;
  pending: Array<{ entry: OutboxEntry; index: number }>;
}

const payloadBytes = (work: PendingWork): number =>
  work.pending.reduce(
    (sum, { entry }) => sum + Buffer.byteLength(entry.payload) + entry.key.length,
    0,
  );

/** Documents in order, grouped into requests of at most `maxBytes` (a larger one alone). */
export function byRequestSize<W extends PendingWork>(works: W[], maxBytes: number): W[][] {
  const requests: W[][] = [];
  let current: W[] = [];
  let bytes = 0;
  for (const work of works) {
    const size = payloadBytes(work);
    if (current.length > 0 && bytes + size > maxBytes) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(work);
    bytes += size;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/** The wait after a sweep: the configured interval, or the sweep's cost times the factor. */
export function nextSweepDelay(intervalMs: number, sweepMs: number, costFactor: number): number {
  return Math.max(intervalMs, Math.round(sweepMs * costFactor));
}

function toMessage(entry: OutboxEntry) {
  return {
    topic: entry.topic,
    key: entry.key,
    value: entry.payload,
    headers: { 'event-id': entry.eventId },
  };
}
