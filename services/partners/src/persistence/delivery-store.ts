import type { DocumentLock } from '@grunderboost/messaging';
import type mongoose from 'mongoose';
import type { PartnerCategory } from '../domain/partner';
import type { PartnerMessage } from '../domain/message';

export type DeliveryStatus = 'pending' | 'delivered' | 'withheld' | 'erased';

export interface DeliveryAttempt {
  at: string;
  /** 'delivered', 'http-503', 'network-error', 'no-consent', 'endpoint-disabled', … */
  outcome: string;
}

/** One event for one subscription; `_id` is the webhook-id, so an event is enqueued once. */
export interface Delivery {
  _id: string;
  partnerId: string;
  subscriptionId: string;
  category: PartnerCategory;
  /** Only to check consent at each attempt; removed when the founder asks for erasure. */
  founderId?: string;
  message?: PartnerMessage;
  eventTime: Date;
  status: DeliveryStatus;
  attempts: number;
  log: DeliveryAttempt[];
  createdAt: Date;
  /** Sort and cursor key of the partner's delivery log: creation time, then id. */
  seq: string;
}

/** The work list: only deliveries still to attempt, so the worker's scan stays short. */
interface QueueEntry {
  _id: string;
  nextAttemptAt: Date;
}

const KEEP_LOG = 20;

/**
 * `lock` serialises erasure and replay with the worker's attempt on the same delivery (ADR
 * 0003); the worker's own writes already run under `delivery:<id>`.
 */
export function deliveryStore(connection: mongoose.Connection, lock: DocumentLock) {
  const deliveries = connection.collection<Delivery>('deliveries');
  const queue = connection.collection<QueueEntry>('delivery_queue');
  return {
    async get(id: string): Promise<Delivery | undefined> {
      return (await deliveries.findOne({ _id: id })) ?? undefined;
    },
    /** Idempotent: a second call for the same id keeps the first delivery as it is. */
    async enqueue(delivery: Delivery, at: Date): Promise<void> {
      await deliveries.updateOne(
        { _id: delivery._id },
        { $setOnInsert: delivery },
        { upsert: true },
      );
      const stored = await deliveries.findOne({ _id: delivery._id });
      if (stored?.status === 'pending') await schedule(delivery._id, at);
    },
    async due(now: Date, limit: number): Promise<string[]> {
      const entries = await queue
        .find({ nextAttemptAt: { $lte: now } })
        .sort({ nextAttemptAt: 1 })
        .limit(limit)
        .toArray();
      return entries.map((entry) => entry._id);
    },
    async retryAt(id: string, attempt: DeliveryAttempt, at: Date): Promise<void> {
      await deliveries.updateOne(
        { _id: id },
        { $inc: { attempts: 1 }, $push: { log: { $each: [attempt], $slice: -KEEP_LOG } } },
      );
      await schedule(id, at);
    },
    /** Takes a pending delivery off the work list (its endpoint is disabled) until resumed. */
    async park(id: string): Promise<void> {
      await queue.deleteOne({ _id: id });
    },
    /** Puts the subscription's pending deliveries back on the work list (endpoint re-enabled). */
    async resume(subscriptionId: string, at: Date): Promise<void> {
      const docs = await deliveries
        .find({ subscriptionId, status: 'pending' })
        .project({ _id: 1 })
        .toArray();
      for (const doc of docs) await schedule(String(doc._id), at);
    },
    async finish(id: string, status: DeliveryStatus, attempt: DeliveryAttempt): Promise<void> {
      const counted = attempt.outcome === 'delivered' ? { $inc: { attempts: 1 } } : {};
      await deliveries.updateOne(
        { _id: id },
        { $set: { status }, ...counted, $push: { log: { $each: [attempt], $slice: -KEEP_LOG } } },
      );
      await queue.deleteOne({ _id: id });
    },
    /** Erasure: the founder's id and data leave every delivery; the log keeps only codes. */
    async erase(founderId: string, at: Date): Promise<void> {
      const ids = (await deliveries.find({ founderId }).project({ _id: 1 }).toArray()).map((doc) =>
        String(doc._id),
      );
      for (const id of ids) {
        await lock(`delivery:${id}`, () => eraseOne(id, at));
      }
    },
    /** Replay: every delivery of the subscriptions since a time goes back to pending. */
    async replay(subscriptionIds: string[], since: Date, at: Date): Promise<number> {
      const docs = await deliveries
        .find({ subscriptionId: { $in: subscriptionIds }, eventTime: { $gte: since } })
        .project({ _id: 1, status: 1 })
        .toArray();
      const replayable = docs.filter((doc) => doc.status !== 'erased');
      for (const doc of replayable) {
        const id = String(doc._id);
        await lock(`delivery:${id}`, async () => {
          await deliveries.updateOne({ _id: id }, { $set: { status: 'pending' } });
          await schedule(id, at);
        });
      }
      return replayable.length;
    },
    async page(partnerId: string, after: string | undefined, limit: number) {
      const filter = after === undefined ? { partnerId } : { partnerId, seq: { $gt: after } };
      return deliveries.find(filter).sort({ seq: 1 }).limit(limit).toArray();
    },
  };

  async function eraseOne(id: string, at: Date) {
    await deliveries.updateOne(
      { _id: id },
      {
        $unset: { founderId: '', message: '' },
        $set: { status: 'erased' },
        $push: { log: { at: at.toISOString(), outcome: 'erased' } },
      },
    );
    await queue.deleteOne({ _id: id });
  }

  async function schedule(id: string, at: Date) {
    await queue.updateOne({ _id: id }, { $set: { nextAttemptAt: at } }, { upsert: true });
  }
}

export type DeliveryStore = ReturnType<typeof deliveryStore>;
