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
  batchSize?: number;
  idlePollMs?: number;
  backoff?: BackoffPolicy;
  /** Hook for crash tests: runs after Kafka acknowledged and before the document is marked. */
  afterPublish?: () => Promise<void> | void;
  /**
   * Shared with the service's own writers of the same documents, so the relay's marks and their
   * appends never overlap (FerretDB's updates are not isolated, ADR 0003). None by default.
   */
  lock?: DocumentLock;
}

export interface OutboxRelay {
  start(): void;
  /** Runs one pass now; resolves with the number of events published. */
  runOnce(): Promise<number>;
  /** Wakes the relay after a write, so a new event does not wait for the next poll. */
  nudge(): void;
  /** Finishes the pass in progress, then stops. */
  stop(): Promise<void>;
}

/**
 * Publishes pending outbox events in document order, marks them sent, and backs off per
 * document on failure. At-least-once: a crash after Kafka's acknowledgement and before
 * the mark publishes the event again on restart; consumers drop it by its event id.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { collection, producer, logger, metrics } = options;
  const batchSize = options.batchSize ?? 100;
  const idlePollMs = options.idlePollMs ?? 250;
  const backoff = options.backoff ?? { initialMs: 200, maxMs: 30_000 };
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  // A nudge during a pass must not be lost while no wait is in progress.
  let nudged = false;
  const lock = options.lock ?? noLock;
  const update = (
    id: unknown,
    filter: Filter,
    change: mongoose.mongo.UpdateFilter<mongoose.mongo.Document>,
  ) => lock(String(id), () => collection.updateOne(filter, change));

  async function runOnce(): Promise<number> {
    const now = new Date();
    const due = (await collection
      .find({ outboxNextAttemptAt: { $lte: now } })
      .sort({ outboxNextAttemptAt: 1 })
      .limit(batchSize)
      .project({ outbox: 1, outboxNextAttemptAt: 1, outboxVersion: 1 })
      .toArray()) as unknown as OutboxDocument[];
    metrics?.outboxPending.set(due.length);
    let published = 0;
    for (const document of due) {
      published += await publishDocument(document);
    }
    return published;
  }

  async function publishDocument(document: OutboxDocument): Promise<number> {
    const pending = document.outbox
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => entry.status === 'pending');
    if (pending.length === 0) {
      await update(document._id, byId(document._id, { outboxVersion: document.outboxVersion }), {
        $set: { outboxNextAttemptAt: null },
      });
      return 0;
    }
    try {
      await producer.send(pending.map(({ entry }) => toMessage(entry)));
    } catch (error) {
      await recordFailure(document, pending[0]?.index ?? 0, error);
      return 0;
    }
    await options.afterPublish?.();
    await markSent(
      document,
      pending.map(({ index }) => index),
    );
    return pending.length;
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
  }

  async function run(): Promise<void> {
    while (running) {
      nudged = false;
      try {
        const published = await runOnce();
        if (published > 0) {
          continue; // more may be due: no pause while there is work
        }
      } catch (error) {
        logger.error({ err: error }, 'outbox relay pass failed');
      }
      if (nudged) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, idlePollMs);
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
    nudge() {
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

function toMessage(entry: OutboxEntry) {
  return {
    topic: entry.topic,
    key: entry.key,
    value: entry.payload,
    headers: { 'event-id': entry.eventId },
  };
}
