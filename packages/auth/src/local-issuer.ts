import { randomUUID } from 'node:crypto';
import { ConfigError } from '@grunderboost/service-kit';
import { SignJWT } from 'jose';
import { z } from 'zod';
import type { StaffAuthConfig } from './config';
import { STAFF_ROLES, type StaffRole } from './roles';
import { STAFF_TOKEN_TYP } from './token-types';

/** A working day and then some: a developer logs in once a day. */
export const DEFAULT_LOCAL_TTL_SECONDS = 8 * 60 * 60;

/** Longer-lived tokens are refused so a leaked development token does not live on. */
export const MAX_LOCAL_TTL_SECONDS = 7 * 24 * 60 * 60;

export const localTokenRequestSchema = z.object({
  staffId: z.string().trim().min(1).max(128),
  roles: z.array(z.enum(STAFF_ROLES)).min(1),
  ttlSeconds: z.number().int().positive().max(MAX_LOCAL_TTL_SECONDS).optional(),
});

export interface LocalTokenRequest {
  staffId: string;
  roles: StaffRole[];
  /** Default DEFAULT_LOCAL_TTL_SECONDS (8 h). */
  ttlSeconds?: number;
}

/** Refuses to mint tokens that the services of this configuration would never accept. */
export function assertLocalIssuer(config: StaffAuthConfig): void {
  if (config.AUTH_JWKS_URL !== undefined || !config.AUTH_ALGORITHMS.includes('HS256')) {
    throw new ConfigError([
      'the local issuer signs with HS256 and AUTH_LOCAL_SECRET: it needs HS256 in AUTH_ALGORITHMS and no AUTH_JWKS_URL',
    ]);
  }
}

/** A staff access token from the local issuer (development and tests only). */
export async function issueLocalStaffToken(
  config: StaffAuthConfig,
  request: LocalTokenRequest,
): Promise<string> {
  assertLocalIssuer(config);
  const { staffId, roles, ttlSeconds } = localTokenRequestSchema.parse(request);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles })
    .setProtectedHeader({ alg: 'HS256', typ: STAFF_TOKEN_TYP })
    .setIssuer(config.AUTH_ISSUER)
    .setAudience(config.AUTH_AUDIENCE)
    .setSubject(staffId)
    .setIssuedAt(now)
    .setExpirationTime(now + (ttlSeconds ?? DEFAULT_LOCAL_TTL_SECONDS))
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(config.AUTH_LOCAL_SECRET));
}
