import { createHmac } from 'node:crypto';

/**
 * Per-partner keys derived from one master secret: HMAC(master, "partner:" + partnerId). The
 * master never leaves the configuration and no partner key is stored, so a leaked database
 * (API key hashes, delivery log) gives nothing to reverse a pseudonym with.
 */
export function partnerKey(master: string, partnerId: string): Buffer {
  return createHmac('sha256', master).update(`partner:${partnerId}`).digest();
}

/** HMAC-SHA256(partnerKey, founderId), hex: stable for one partner, unlinkable across partners. */
export function pseudonymOf(key: Buffer, founderId: string): string {
  return createHmac('sha256', key).update(`founder:${founderId}`).digest('hex');
}

/** A per-partner id for an event, so that two partners cannot join their feeds on event ids. */
export function partnerEventId(key: Buffer, eventId: string): string {
  return createHmac('sha256', key).update(`event:${eventId}`).digest('base64url').slice(0, 32);
}
