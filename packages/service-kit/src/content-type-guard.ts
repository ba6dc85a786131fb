import type { Request, RequestHandler } from 'express';
import { unsupportedMediaType } from './errors';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** The media types express.json() is configured to parse. */
export const JSON_TYPES = ['application/json', 'application/*+json'];

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Rejects a body that is not JSON (or one of the `textTypes` a service parses as text) with 415.
 * Without this, express.json() would skip it and the handler would see no body at all, which
 * shows up as a confusing validation error.
 */
export function contentTypeGuard(textTypes: readonly string[] = []): RequestHandler {
  const accepted = [...JSON_TYPES, ...textTypes];
  const expected = ['application/json', ...textTypes].join(' or ');
  return (req, _res, next) => {
    if (METHODS_WITH_BODY.has(req.method) && hasBody(req) && req.is(accepted) === false) {
      const received = req.get('content-type') ?? 'no Content-Type';
      next(unsupportedMediaType(`Request bodies must be ${expected}, received ${received}`));
      return;
    }
    next();
  };
}
