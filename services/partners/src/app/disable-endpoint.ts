import type { Subscription } from '../domain/subscription';
import type { Dependencies } from './dependencies';

/** The event on the partner's own feed when its endpoint is switched off. */
export const ENDPOINT_DISABLED_TYPE = 'partners.WebhookEndpointDisabled.v1';

/**
 * After prolonged failure the endpoint is switched off: its deliveries wait (nothing is lost)
 * until the partner registers the webhook again or asks for a replay. The partner hears of it
 * on its feed; operators from the log line.
 */
export async function disableEndpoint(deps: Dependencies, subscription: Subscription, now: Date) {
  const webhook = subscription.webhook;
  if (webhook === undefined || webhook.disabled) return;
  const disabledAt = now.toISOString();
  const disabled = await deps.subscriptions.markWebhook(
    subscription.subscriptionId,
    webhook.secret,
    {
      disabledAt,
    },
  );
  // Re-registered meanwhile: the new endpoint gets its own chance.
  if (!disabled) return;
  deps.logger.warn(
    {
      partnerId: subscription.partnerId,
      subscriptionId: subscription.subscriptionId,
      failingSince: webhook.failingSince,
    },
    'webhook endpoint disabled after prolonged failure',
  );
  const event = {
    id: deps.clock.newId(),
    type: ENDPOINT_DISABLED_TYPE,
    time: disabledAt,
    data: { subscriptionId: subscription.subscriptionId, failingSince: webhook.failingSince },
  };
  await deps.producer.send([
    {
      topic: deps.feedTopic(subscription.partnerId),
      key: subscription.subscriptionId,
      value: JSON.stringify(event),
    },
  ]);
}
