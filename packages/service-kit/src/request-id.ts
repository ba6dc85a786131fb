import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
// pino-http declares `id` and `log` on IncomingMessage; importing its types brings them in.
import type {} from 'pino-http';

// Ids from outside end up in logs and headers: accept only short, boring characters.
const VALID_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * Reuses a valid incoming X-Request-Id (so a call chain shares one id) or makes a new one,
 * and echoes it on the response. Must run before the access logger, which reads req.id.
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get(REQUEST_ID_HEADER);
    const id = incoming !== undefined && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}

/** The id given by requestId(), or undefined when that middleware did not run. */
export function requestIdOf(req: Request): string | undefined {
  return typeof req.id === 'string' ? req.id : undefined;
}
