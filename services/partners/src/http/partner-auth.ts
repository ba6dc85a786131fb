import { AppError } from '@grunderboost/service-kit';
import type { Request, RequestHandler, Response } from 'express';
import { partnerOfKey } from '../app/api-keys';
import type { Dependencies } from '../app/dependencies';

const partners = new WeakMap<Request, string>();
const BEARER = /^Bearer +(\S+) *$/i;

/** The partner authenticated for this request (after partnerAuth). */
export function partnerOf(req: Request): string {
  const partnerId = partners.get(req);
  if (partnerId === undefined) throw new Error('partnerAuth must run before partnerOf');
  return partnerId;
}

function unauthorized(res: Response, detail: string) {
  res.set('WWW-Authenticate', 'Bearer');
  return new AppError({ status: 401, title: 'Unauthorized', detail });
}

/** A partner API key, as `Authorization: Bearer <key>` or `X-Api-Key: <key>`. */
export function partnerAuth(deps: Dependencies): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('x-api-key') ?? BEARER.exec(req.get('authorization') ?? '')?.[1];
    if (header === undefined || header.length > 200) {
      throw unauthorized(res, 'This resource needs a partner API key');
    }
    const partnerId = await partnerOfKey(deps, header);
    if (partnerId === undefined) {
      throw unauthorized(res, 'The API key is unknown, revoked or expired');
    }
    partners.set(req, partnerId);
    next();
  };
}
