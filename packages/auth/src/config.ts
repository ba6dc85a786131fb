import { z } from 'zod';

/** Asymmetric JWS algorithms (RFC 7518, RFC 8037) an OIDC provider may sign with. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;

/** HMAC algorithms: only for the local issuer, whose secret the services share. */
export const HMAC_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;

export const JWS_ALGORITHMS = [...HMAC_ALGORITHMS, ...ASYMMETRIC_ALGORITHMS] as const;

export type JwsAlgorithm = (typeof JWS_ALGORITHMS)[number];

/**
 * The local issuer's secret when AUTH_LOCAL_SECRET is unset. It is public (it is in this file),
 * so anyone can mint tokens with it: production must set its own.
 */
export const DEVELOPMENT_LOCAL_SECRET = 'grunderboost-development-only-secret-not-for-production';

export const MIN_SECRET_LENGTH = 32;

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const algorithm = z
  .string()
  // RFC 8725 §3.1: an unsigned token must never be accepted, so say so instead of "invalid".
  .refine((name) => name.toLowerCase() !== 'none', "'none' is never allowed: tokens must be signed")
  .pipe(z.enum(JWS_ALGORITHMS));

// An empty variable (AUTH_JWKS_URL=) means "unset", as an operator would expect.
const emptyAsUnset = (value: unknown): unknown => (value === '' ? undefined : value);

/**
 * Environment variables of staff authentication. Merge into a service's schema with
 * `baseConfigSchema.extend(staffAuthConfigSchema.shape)`.
 */
export const staffAuthConfigSchema = z.object({
  AUTH_ISSUER: z.string().min(1).default('grunderboost-local'),
  AUTH_AUDIENCE: z.string().min(1).default('grunderboost'),
  AUTH_ALGORITHMS: z
    .string()
    .transform(splitList)
    .pipe(z.array(algorithm).min(1, 'expected at least one algorithm'))
    .default(['HS256']),
  AUTH_LOCAL_SECRET: z
    .string()
    .min(MIN_SECRET_LENGTH, `expected at least ${MIN_SECRET_LENGTH} characters`)
    .default(DEVELOPMENT_LOCAL_SECRET),
  AUTH_JWKS_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^https?$/ }).optional()),
});

export type StaffAuthConfig = z.output<typeof staffAuthConfigSchema>;

/** For a start-up warning: true when tokens can be minted with the public development secret. */
export function usesDevelopmentSecret(config: StaffAuthConfig): boolean {
  return (
    config.AUTH_JWKS_URL === undefined && config.AUTH_LOCAL_SECRET === DEVELOPMENT_LOCAL_SECRET
  );
}

export function isHmacAlgorithm(name: JwsAlgorithm): boolean {
  return (HMAC_ALGORITHMS as readonly string[]).includes(name);
}
