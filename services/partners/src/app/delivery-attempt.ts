import { backoffDelay } from '@grunderboost/messaging';
import { allowsSharing } from '../domain/consent';
import type { PartnerMessage } from '../domain/message';
import { agreementFor } from '../domain/partner';
import type { Subscription } from '../domain/subscription';
import { signatureHeaders } from './webhook-signature';
import type { Delivery } from '../persistence/delivery-store';
import type { Dependencies } from './dependencies';
import { disableEndpoint } from './disable-endpoint';

/**
 * One attempt at one queued delivery. Consent is read now, not when the event arrived: a
 * withdrawal stops the pending retries too. Serialised per delivery by the caller.
 */
export async function attemptDelivery(deps: Dependencies, id: string): Promise<void> {
  const outcome = await attempt(deps, id);
  if (outcome !== undefined) deps.countAttempt(outcome);
}

/** The outcome of the attempt, or undefined when there was nothing to attempt. */
async function attempt(deps: Dependencies, id: string): Promise<string | undefined> {
  const delivery = await deps.deliveries.get(id);
  if (delivery === undefined || delivery.status !== 'pending') return undefined;
  const now = deps.clock.now();
  const at = now.toISOString();
  const checked = await mayDeliver(deps, delivery);
  if ('withheld' in checked) {
    await deps.deliveries.finish(id, 'withheld', { at, outcome: checked.withheld });
    return checked.withheld;
  }
  const { subscription, message } = checked;
  const webhook = subscription.webhook;
  if (webhook === undefined || webhook.disabled) {
    // Waits, still pending, until the partner registers the webhook again (setWebhook resumes).
    await deps.deliveries.park(id);
    return 'endpoint-disabled';
  }
  const outcome = await post(deps, webhook.url, webhook.secret, delivery._id, message);
  if (outcome === 'delivered') {
    await deps.deliveries.finish(id, 'delivered', { at, outcome });
    if (webhook.failingSince !== undefined) {
      await deps.subscriptions.markWebhook(subscription.subscriptionId, webhook.secret, {
        failingSince: null,
      });
    }
    return outcome;
  }
  await failed(deps, subscription, delivery, outcome, now);
  return outcome;
}

type Check = { withheld: string } | { subscription: Subscription; message: PartnerMessage };

/** Whether the delivery may go out now: subscription, consent and agreement as they are now. */
async function mayDeliver(deps: Dependencies, delivery: Delivery): Promise<Check> {
  const subscription = await deps.subscriptions.get(delivery.subscriptionId);
  if (subscription === undefined) return { withheld: 'subscription-deleted' };
  const consent =
    delivery.founderId === undefined ? undefined : await deps.consents.get(delivery.founderId);
  // Fail closed, and the log says why without saying who.
  if (!allowsSharing(consent, delivery.category)) return { withheld: 'no-consent' };
  // A narrowed agreement also narrows what is still queued.
  const message = await withinAgreement(deps, delivery);
  if (message === undefined) return { withheld: 'outside-agreement' };
  return { subscription, message };
}

async function failed(
  deps: Dependencies,
  subscription: Subscription,
  delivery: Delivery,
  outcome: string,
  now: Date,
) {
  const { webhooks } = deps;
  const attempts = delivery.attempts + 1;
  const delay = backoffDelay(attempts, {
    initialMs: webhooks.backoffInitialMs,
    maxMs: webhooks.backoffMaxMs,
  });
  await deps.deliveries.retryAt(
    delivery._id,
    { at: now.toISOString(), outcome },
    new Date(now.getTime() + delay),
  );
  const webhook = subscription.webhook;
  if (webhook === undefined) return;
  const failingSince = webhook.failingSince ?? now.toISOString();
  const failingFor = now.getTime() - Date.parse(failingSince);
  if (attempts >= webhooks.disableAfterAttempts && failingFor >= webhooks.disableAfterMs) {
    await disableEndpoint(deps, subscription, now);
  } else if (webhook.failingSince === undefined) {
    await deps.subscriptions.markWebhook(subscription.subscriptionId, webhook.secret, {
      failingSince,
    });
  }
}

async function withinAgreement(
  deps: Dependencies,
  delivery: Delivery,
): Promise<PartnerMessage | undefined> {
  const { message } = delivery;
  if (message === undefined) return undefined;
  const partner = await deps.partners.get(delivery.partnerId);
  const item = partner === undefined ? undefined : agreementFor(partner, message.type);
  if (item === undefined) return undefined;
  const data = Object.fromEntries(
    Object.entries(message.data).filter(([field]) => item.fields.includes(field)),
  );
  return { ...message, data };
}

async function post(
  deps: Dependencies,
  url: string,
  secret: string,
  webhookId: string,
  message: PartnerMessage,
) {
  const body = JSON.stringify(message);
  const headers = signatureHeaders(secret, webhookId, deps.clock.now(), body);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.webhooks.timeoutMs),
    });
    await response.body?.cancel();
    return response.status >= 200 && response.status < 300
      ? 'delivered'
      : `http-${response.status}`;
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    return name === 'TimeoutError' ? 'timeout' : 'network-error';
  }
}
