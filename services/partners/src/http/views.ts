import type { Subscription } from '../domain/subscription';
import type { Delivery } from '../persistence/delivery-store';

/** A subscription as its partner sees it: never the signing secret after it was handed out. */
export function subscriptionView(subscription: Subscription) {
  const { webhook, ...rest } = subscription;
  if (webhook === undefined) return rest;
  return {
    ...rest,
    webhook: {
      url: webhook.url,
      disabled: webhook.disabled,
      ...(webhook.disabledAt === undefined ? {} : { disabledAt: webhook.disabledAt }),
      ...(webhook.failingSince === undefined ? {} : { failingSince: webhook.failingSince }),
    },
  };
}

/** A delivery log entry: ids, codes and the partner's own message; never the founder id. */
export function deliveryView(delivery: Delivery) {
  return {
    webhookId: delivery._id,
    subscriptionId: delivery.subscriptionId,
    eventType: delivery.message?.type,
    eventTime: delivery.eventTime.toISOString(),
    status: delivery.status,
    attempts: delivery.attempts,
    log: delivery.log,
    cursor: delivery.seq,
  };
}
