import type mongoose from 'mongoose';
import type { Subscription, Webhook } from '../domain/subscription';

type SubscriptionDocument = Omit<Subscription, 'subscriptionId'> & { _id: string };

const toSubscription = ({ _id, ...rest }: SubscriptionDocument): Subscription => ({
  subscriptionId: _id,
  ...rest,
});

export function subscriptionStore(connection: mongoose.Connection) {
  const collection = connection.collection<SubscriptionDocument>('subscriptions');
  return {
    async get(subscriptionId: string): Promise<Subscription | undefined> {
      const found = await collection.findOne({ _id: subscriptionId });
      return found === null ? undefined : toSubscription(found);
    },
    /** A scan on FerretDB (ADR 0004); a partner has a handful of subscriptions. */
    async ofPartner(partnerId: string): Promise<Subscription[]> {
      const docs = await collection.find({ partnerId }).toArray();
      return docs.map(toSubscription).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async insert(subscription: Subscription): Promise<void> {
      const { subscriptionId, ...rest } = subscription;
      await collection.insertOne({ _id: subscriptionId, ...rest });
    },
    async remove(subscriptionId: string): Promise<void> {
      await collection.deleteOne({ _id: subscriptionId });
    },
    async setWebhook(subscriptionId: string, webhook: Webhook): Promise<void> {
      await collection.updateOne({ _id: subscriptionId }, { $set: { webhook } });
    },
    /**
     * The worker's changes touch single fields of the webhook it attempted (matched by its
     * secret), so they never undo a re-registration that happened meanwhile.
     */
    async markWebhook(
      subscriptionId: string,
      secret: string,
      change: { failingSince?: string | null; disabledAt?: string },
    ): Promise<boolean> {
      const set: Record<string, unknown> = {};
      const unset: Record<string, ''> = {};
      if (change.failingSince === null) unset['webhook.failingSince'] = '';
      else if (change.failingSince !== undefined) set['webhook.failingSince'] = change.failingSince;
      if (change.disabledAt !== undefined) {
        set['webhook.disabled'] = true;
        set['webhook.disabledAt'] = change.disabledAt;
      }
      const result = await collection.updateOne(
        { _id: subscriptionId, 'webhook.secret': secret },
        {
          ...(Object.keys(set).length > 0 ? { $set: set } : {}),
          ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
        },
      );
      return result.modifiedCount === 1;
    },
  };
}

export type SubscriptionStore = ReturnType<typeof subscriptionStore>;

/** Every subscription, for routing an event; a few per partner, five partners. */
export async function allSubscriptions(store: SubscriptionStore, partnerIds: string[]) {
  return (await Promise.all(partnerIds.map((id) => store.ofPartner(id)))).flat();
}
