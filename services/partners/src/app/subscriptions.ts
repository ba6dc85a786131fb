import { notFound, unprocessable } from '@grunderboost/service-kit';
import { agreementFor, type DeliverableType } from '../domain/partner';
import type { Subscription, SubscriptionFilters } from '../domain/subscription';
import { newSigningSecret } from './webhook-signature';
import type { Dependencies } from './dependencies';
import { getPartner } from './registry';

export async function subscribe(
  deps: Dependencies,
  partnerId: string,
  request: { eventTypes: DeliverableType[]; filters: SubscriptionFilters },
): Promise<Subscription> {
  const partner = await getPartner(deps, partnerId);
  const outside = request.eventTypes.filter((type) => agreementFor(partner, type) === undefined);
  if (outside.length > 0) {
    throw unprocessable(`Your agreement does not cover ${outside.join(', ')}`);
  }
  const subscription: Subscription = {
    subscriptionId: deps.clock.newId(),
    partnerId,
    eventTypes: [...new Set(request.eventTypes)],
    filters: request.filters,
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.subscriptions.insert(subscription);
  return subscription;
}

/** The partner's own subscription; another partner's looks exactly like a missing one. */
export async function ownSubscription(deps: Dependencies, partnerId: string, id: string) {
  const subscription = await deps.subscriptions.get(id);
  if (subscription === undefined || subscription.partnerId !== partnerId) {
    throw notFound(`No subscription ${id}`);
  }
  return subscription;
}

/**
 * Sets (or replaces) the webhook with a fresh signing secret, returned this once. Registering
 * again is also how a partner re-enables an endpoint that was disabled after long failure.
 */
export async function setWebhook(deps: Dependencies, partnerId: string, id: string, url: string) {
  await ownSubscription(deps, partnerId, id);
  const webhook = { url, secret: newSigningSecret(), disabled: false };
  await deps.subscriptions.setWebhook(id, webhook);
  await deps.deliveries.resume(id, deps.clock.now());
  deps.nudge();
  return webhook;
}

export async function replay(
  deps: Dependencies,
  partnerId: string,
  since: Date,
  subscriptionId: string | undefined,
) {
  const ids =
    subscriptionId === undefined
      ? (await deps.subscriptions.ofPartner(partnerId)).map((s) => s.subscriptionId)
      : [(await ownSubscription(deps, partnerId, subscriptionId)).subscriptionId];
  const queued = await deps.deliveries.replay(ids, since, deps.clock.now());
  deps.nudge();
  return queued;
}
