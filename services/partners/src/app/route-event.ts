import { allowsSharing } from '../domain/consent';
import { agreementFor, type Partner } from '../domain/partner';
import type { PartnerMessage, SourceEvent } from '../domain/message';
import { projectFor } from './projection';
import { matches, type Subscription } from '../domain/subscription';
import { webhookId } from './webhook-signature';
import type { Delivery } from '../persistence/delivery-store';
import type { Dependencies } from './dependencies';

/**
 * One deliverable event, to every partner whose agreement covers its type: on the partner's
 * feed at once when the founder consents now, and queued for each matching webhook
 * subscription, where consent is checked again at every attempt.
 */
export async function routeEvent(deps: Dependencies, event: SourceEvent): Promise<void> {
  const partners = await deps.partners.list();
  const consent = await deps.consents.get(event.founderId);
  for (const partner of partners) {
    const item = agreementFor(partner, event.type);
    if (item === undefined) continue;
    const message = projectFor(deps.pseudonymKey(partner.partnerId), item, event);
    if (allowsSharing(consent, partner.category)) {
      await deps.producer.send([
        {
          topic: deps.feedTopic(partner.partnerId),
          key: message.pseudonym,
          value: JSON.stringify(message),
        },
      ]);
    }
    const subscriptions = await deps.subscriptions.ofPartner(partner.partnerId);
    for (const subscription of subscriptions) {
      if (!matches(subscription, event.type, consent?.profile)) continue;
      await deps.deliveries.enqueue(
        newDelivery(deps, partner, subscription, event, message),
        deps.clock.now(),
      );
    }
  }
  deps.nudge();
}

function newDelivery(
  deps: Dependencies,
  partner: Partner,
  subscription: Subscription,
  event: SourceEvent,
  message: PartnerMessage,
): Delivery {
  const id = webhookId(event.id, subscription.subscriptionId);
  const createdAt = deps.clock.now();
  return {
    _id: id,
    partnerId: partner.partnerId,
    subscriptionId: subscription.subscriptionId,
    category: partner.category,
    founderId: event.founderId,
    message,
    eventTime: new Date(event.time),
    status: 'pending',
    attempts: 0,
    log: [],
    createdAt,
    seq: `${createdAt.toISOString()}_${id}`,
  };
}
