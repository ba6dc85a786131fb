import { ConfigError } from '@grunderboost/service-kit';
import {
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
  type KeyInput,
} from 'jose';
import { isHmacAlgorithm, type StaffAuthConfig } from './config';
import { KeySetUnavailableError, StaffTokenError } from './errors';
import { knownRoles, type StaffPrincipal } from './roles';
import { CLOCK_TOLERANCE_SECONDS, STAFF_TOKEN_TYP } from './token-types';

const JWKS_TIMEOUT_MS = 5_000;

export interface StaffVerifier {
  /** The principal of a valid token; rejects with StaffTokenError (or KeySetUnavailableError). */
  verify(token: string): Promise<StaffPrincipal>;
}

/** Refuses combinations that could never verify a token or that invite key confusion. */
function checkConfig(config: StaffAuthConfig): void {
  const hmac = config.AUTH_ALGORITHMS.filter(isHmacAlgorithm);
  if (config.AUTH_JWKS_URL === undefined && hmac.length < config.AUTH_ALGORITHMS.length) {
    throw new ConfigError([
      'AUTH_ALGORITHMS: without AUTH_JWKS_URL the only key is AUTH_LOCAL_SECRET, so only HS256, HS384 and HS512 are possible',
    ]);
  }
  if (config.AUTH_JWKS_URL !== undefined && hmac.length > 0) {
    // RFC 8725 §2.1: an HMAC next to public keys lets a public key be misused as a MAC secret.
    throw new ConfigError([
      'AUTH_ALGORITHMS: HS* algorithms cannot be combined with AUTH_JWKS_URL',
    ]);
  }
}

/** Remote keys whose fetch failures are told apart from bad tokens. */
function remoteKeys(url: string): JWTVerifyGetKey {
  const jwks = createRemoteJWKSet(new URL(url), { timeoutDuration: JWKS_TIMEOUT_MS });
  return async (header, token) => {
    try {
      return await jwks(header, token);
    } catch (error) {
      // No key for the token's kid/alg is the token's fault; anything else is the provider's.
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys
      ) {
        throw error;
      }
      throw new KeySetUnavailableError({ cause: error });
    }
  };
}

function toTokenError(error: unknown): unknown {
  if (!(error instanceof errors.JOSEError)) {
    return error;
  }
  if (error instanceof errors.JWTExpired) {
    return new StaffTokenError('expired', 'The access token has expired', { cause: error });
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return error.claim === 'nbf'
      ? new StaffTokenError('not_yet_valid', 'The access token is not valid yet', { cause: error })
      : new StaffTokenError(
          'invalid',
          `The access token's "${error.claim}" is missing or not accepted`,
          {
            cause: error,
          },
        );
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new StaffTokenError('invalid', "The access token's algorithm is not accepted", {
      cause: error,
    });
  }
  return new StaffTokenError('invalid', 'The access token is invalid', { cause: error });
}

/** 'at+jwt' and 'application/at+jwt' are the same type (RFC 7515 §4.1.9). */
function normalisedTyp(typ: unknown): string | undefined {
  return typeof typ === 'string' ? typ.toLowerCase().replace(/^application\//, '') : undefined;
}

/**
 * Local tokens must say `at+jwt`. OIDC providers' tokens may omit `typ` (ID-porten and
 * Ansattporten document none), but any other type (an ID token's `JWT`, a founder link) is refused.
 */
function checkTyp(typ: unknown, absentAllowed: boolean): void {
  const normalised = normalisedTyp(typ);
  if (normalised === STAFF_TOKEN_TYP || (typ === undefined && absentAllowed)) {
    return;
  }
  throw new StaffTokenError('invalid', 'The token is not an access token');
}

function principalOf(payload: JWTPayload): StaffPrincipal {
  if (typeof payload.sub !== 'string' || payload.sub === '') {
    throw new StaffTokenError('invalid', 'The access token has no subject');
  }
  const roles = knownRoles(payload.roles);
  if (roles.length === 0) {
    throw new StaffTokenError('no_role', 'The access token grants no staff role');
  }
  return { staffId: payload.sub, roles };
}

/** Verifies staff bearer tokens per RFC 8725: allow-listed algorithms, issuer, audience, typ. */
export function createStaffVerifier(config: StaffAuthConfig): StaffVerifier {
  checkConfig(config);
  const jwksUrl = config.AUTH_JWKS_URL;
  const key: KeyInput | JWTVerifyGetKey =
    jwksUrl === undefined
      ? new TextEncoder().encode(config.AUTH_LOCAL_SECRET)
      : remoteKeys(jwksUrl);
  const options: JWTVerifyOptions = {
    algorithms: [...config.AUTH_ALGORITHMS],
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp', 'sub'],
  };
  return {
    async verify(token) {
      const result = await jwtVerify(token, key, options).catch((error: unknown) => {
        throw toTokenError(error);
      });
      checkTyp(result.protectedHeader.typ, jwksUrl !== undefined);
      return principalOf(result.payload);
    },
  };
}
