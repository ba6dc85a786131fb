import { AppError } from '@grunderboost/service-kit';
import type { Request, RequestHandler, Response } from 'express';
import { KeySetUnavailableError, StaffTokenError } from './errors';
import { hasRole, type StaffPrincipal, type StaffRole } from './roles';
import type { StaffVerifier } from './staff-verifier';

// A WeakMap instead of a field on req: nothing else can forge or overwrite the principal.
const principals = new WeakMap<Request, StaffPrincipal>();

/** The staff member authenticated for this request, or undefined when there is none. */
export function staffOf(req: Request): StaffPrincipal | undefined {
  return principals.get(req);
}

// RFC 6750 §2.1: "Bearer" then a b64token; the scheme name is case-insensitive.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** undefined: no Authorization header; null: one that holds no usable bearer token. */
function bearerToken(req: Request): string | undefined | null {
  const header = req.get('authorization');
  if (header === undefined || header.trim() === '') {
    return undefined;
  }
  return BEARER.exec(header)?.[1] ?? null;
}

function challenge(res: Response, status: 401 | 403, value: string, detail: string): AppError {
  // Set now: the error handler keeps headers already on the response when it writes the problem.
  res.set('WWW-Authenticate', value);
  return new AppError({ status, title: status === 401 ? 'Unauthorized' : 'Forbidden', detail });
}

function missingToken(res: Response): AppError {
  // RFC 6750 §3.1: no error code when the request carried no credentials at all.
  return challenge(res, 401, 'Bearer', 'This resource needs a staff bearer token');
}

function toHttpError(error: unknown, res: Response): unknown {
  if (error instanceof StaffTokenError) {
    return error.problem === 'no_role'
      ? challenge(res, 403, 'Bearer error="insufficient_scope"', error.message)
      : challenge(res, 401, 'Bearer error="invalid_token"', error.message);
  }
  if (error instanceof KeySetUnavailableError) {
    return new AppError({
      status: 503,
      title: 'Service Unavailable',
      detail: 'Access tokens cannot be checked right now; try again shortly',
    });
  }
  return error;
}

async function authenticate(
  verifier: StaffVerifier,
  token: string | null,
  req: Request,
  res: Response,
): Promise<void> {
  if (token === null) {
    throw challenge(
      res,
      401,
      'Bearer error="invalid_token"',
      'The Authorization header must be "Bearer <token>"',
    );
  }
  const principal = await verifier.verify(token).catch((error: unknown) => {
    throw toHttpError(error, res);
  });
  principals.set(req, principal);
}

/** Admits only requests with a valid staff bearer token; 401 otherwise, 403 without a role. */
export function authenticateStaff(verifier: StaffVerifier): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req);
    if (token === undefined) {
      throw missingToken(res);
    }
    await authenticate(verifier, token, req, res);
    next();
  };
}

/**
 * For routes open to others too (a founder with a link): without an Authorization header the
 * request passes with no principal; a header with a bad token is still refused.
 */
export function optionalStaff(verifier: StaffVerifier): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req);
    if (token !== undefined) {
      await authenticate(verifier, token, req, res);
    }
    next();
  };
}

/** After authenticateStaff: admits staff holding at least one of the roles, else 403. */
export function requireRole(...roles: StaffRole[]): RequestHandler {
  if (roles.length === 0) {
    throw new TypeError('requireRole needs at least one role');
  }
  return (req, res, next) => {
    const principal = staffOf(req);
    if (principal === undefined) {
      next(missingToken(res));
    } else if (!hasRole(principal, ...roles)) {
      const detail = `This action needs one of the roles: ${roles.join(', ')}`;
      next(challenge(res, 403, 'Bearer error="insufficient_scope"', detail));
    } else {
      next();
    }
  };
}
