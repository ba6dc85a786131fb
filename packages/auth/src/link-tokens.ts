import { createHmac } from 'node:crypto';
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { MIN_SECRET_LENGTH } from './config';
import { LinkTokenError } from './errors';
import { CLOCK_TOLERANCE_SECONDS, DEFAULT_LINK_AUDIENCE, LINK_TOKEN_TYP } from './token-types';

export interface LinkTokensOptions {
  /** HMAC key, at least 32 characters; keep it apart from AUTH_LOCAL_SECRET. */
  secret: string;
  ttlSeconds: number;
  /** Default DEFAULT_LINK_AUDIENCE. */
  audience?: string;
}

export interface VerifiedLink {
  applicationId: string;
  expiresAt: Date;
}

export interface LinkTokens {
  /** A token that opens this one application until now + ttlSeconds. */
  issue(applicationId: string, now?: Date): string;
  /** Rejects with LinkTokenError when the token is expired, tampered with or of another kind. */
  verify(token: string): Promise<VerifiedLink>;
}

function checkOptions(options: LinkTokensOptions): void {
  if (options.secret.length < MIN_SECRET_LENGTH) {
    throw new TypeError(`The link token secret must have at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds <= 0) {
    throw new TypeError('The link token lifetime must be a positive whole number of seconds');
  }
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * Signs with node:crypto rather than jose because jose signs asynchronously (WebCrypto) and
 * issue() is meant to be callable where a link is built, e.g. inside a plain mapping function.
 */
function signHs256(claims: JWTPayload, secret: string): string {
  const input = `${encode({ alg: 'HS256', typ: LINK_TOKEN_TYP })}.${encode(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

function toLinkError(error: unknown): unknown {
  if (error instanceof errors.JWTExpired) {
    return new LinkTokenError('expired', 'The link has expired', { cause: error });
  }
  if (error instanceof errors.JOSEError) {
    return new LinkTokenError('invalid', 'The link is not valid', { cause: error });
  }
  return error;
}

/** Signed, expiring links that give a founder access to one application. */
export function createLinkTokens(options: LinkTokensOptions): LinkTokens {
  checkOptions(options);
  const audience = options.audience ?? DEFAULT_LINK_AUDIENCE;
  const key = new TextEncoder().encode(options.secret);
  return {
    issue(applicationId, now = new Date()) {
      if (applicationId === '') {
        throw new TypeError('A link needs an application id');
      }
      const iat = Math.floor(now.getTime() / 1000);
      const claims = { aud: audience, sub: applicationId, iat, exp: iat + options.ttlSeconds };
      return signHs256(claims, options.secret);
    },
    async verify(token) {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        typ: LINK_TOKEN_TYP,
        audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp'],
      }).catch((error: unknown) => {
        throw toLinkError(error);
      });
      if (typeof payload.sub !== 'string' || payload.sub === '' || payload.exp === undefined) {
        throw new LinkTokenError('invalid', 'The link is not valid');
      }
      return { applicationId: payload.sub, expiresAt: new Date(payload.exp * 1000) };
    },
  };
}
