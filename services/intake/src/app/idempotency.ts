import { createHash } from 'node:crypto';

/**
 * The application id of a request with an Idempotency-Key: derived from the key (an RFC 9562
 * version 8 UUID over its SHA-256), so a retry finds the first application by its _id — the one
 * lookup FerretDB 1.x answers from an index — and a race of first attempts collides on _id.
 */
export function idempotentApplicationId(idempotencyKey: string): string {
  const bytes = createHash('sha256').update(`intake:idempotency:${idempotencyKey}`).digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80; // version 8
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What a retry must repeat: the same request. A different body with a used key is refused. */
export function requestHashOf(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('base64url');
}
