import { createHash } from 'node:crypto';

/** An RFC 9562 version 8 UUID over the SHA-256 of a name: the same name, the same id. */
function nameBasedUuid(name: string): string {
  const bytes = createHash('sha256').update(name).digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80; // version 8
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A follow-up is identified by its founder and milestone, so its id is derived from them: the
 * journey's retries find it by _id (the one lookup FerretDB 1.x answers from an index, ADR 0004)
 * and racing first attempts collide on _id.
 */
export function followUpIdOf(founderId: string, months: number): string {
  return nameBasedUuid(`follow-up:${founderId.toLowerCase()}:${months}`);
}
