import { createHash, randomBytes } from 'node:crypto';
import type { Dependencies } from './dependencies';

/** SHA-256 suffices: the key is 256 random bits, so there is nothing to guess or brute-force. */
export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export interface IssuedKey {
  keyId: string;
  apiKey: string;
  createdAt: string;
}

/**
 * A new key for the partner, returned once. With `graceSeconds` the partner's other keys stop
 * working after that grace (rotation); without it they stay valid until revoked.
 */
export async function issueKey(
  deps: Dependencies,
  partnerId: string,
  graceSeconds: number | undefined,
): Promise<IssuedKey> {
  const apiKey = `pk_${partnerId.replace(/[^a-z0-9]/g, '')}_${randomBytes(32).toString('base64url')}`;
  const keyId = deps.clock.newId();
  const createdAt = deps.clock.now();
  await deps.keys.insert(hashKey(apiKey), { keyId, partnerId, createdAt });
  if (graceSeconds !== undefined) {
    await deps.keys.expireOthers(
      partnerId,
      keyId,
      new Date(createdAt.getTime() + graceSeconds * 1000),
    );
  }
  return { keyId, apiKey, createdAt: createdAt.toISOString() };
}

/** The partner a presented key belongs to, or undefined for an unknown, revoked or expired key. */
export async function partnerOfKey(
  deps: Dependencies,
  apiKey: string,
): Promise<string | undefined> {
  const info = await deps.keys.byHash(hashKey(apiKey));
  if (info === undefined || info.revokedAt !== undefined) return undefined;
  if (info.expiresAt !== undefined && Date.parse(info.expiresAt) <= deps.clock.now().getTime()) {
    return undefined;
  }
  return info.partnerId;
}
