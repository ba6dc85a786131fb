import { createHash, createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

/** A new Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes. */
export function newSigningSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

/**
 * Standard Webhooks: HMAC-SHA256 with the base64-decoded secret over
 * `${id}.${timestamp}.${body}`, sent as `v1,<base64>` (timestamp in whole seconds).
 */
export function signatureHeaders(secret: string, id: string, when: Date, body: string) {
  const timestamp = String(Math.floor(when.getTime() / 1000));
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signature}`,
  };
}

/** The webhook id of one event for one subscription: a retry or replay reuses it. */
export function webhookId(eventId: string, subscriptionId: string): string {
  const digest = createHash('sha256').update(`${eventId}:${subscriptionId}`).digest('base64url');
  return `msg_${digest.slice(0, 32)}`;
}
