import { LinkTokenError, staffOf, type LinkTokens } from '@grunderboost/auth';
import { AppError } from '@grunderboost/service-kit';
import type { Request, Response } from 'express';
import type { CaseRepository } from '../app/ports';
import type { Actor } from '../domain/access';
import { FOUNDER_TOKEN_HEADER } from './schemas';

export type ActorOf = (req: Request, res: Response) => Promise<Actor>;

function linkTokenOf(req: Request): string | undefined {
  const header = req.get(FOUNDER_TOKEN_HEADER);
  if (header !== undefined && header !== '') return header;
  const query = req.query.token;
  return typeof query === 'string' && query !== '' ? query : undefined;
}

const unauthenticated = (res: Response, detail: string) => {
  res.set('WWW-Authenticate', 'Bearer');
  return new AppError({ status: 401, title: 'Unauthorized', detail });
};

/**
 * Staff by their bearer token (checked by optionalStaff before the route), otherwise the founder
 * whose link opens an application that counselling knows: the application tells the founder.
 */
export function actorResolver(links: LinkTokens, cases: CaseRepository): ActorOf {
  return async (req, res) => {
    const staff = staffOf(req);
    if (staff !== undefined) return { kind: 'staff', staffId: staff.staffId, roles: staff.roles };
    const token = linkTokenOf(req);
    if (token === undefined) {
      throw unauthenticated(res, 'This resource needs a staff bearer token or a founder link');
    }
    try {
      const { applicationId } = await links.verify(token);
      const entry = await cases.byApplication(applicationId);
      if (entry !== undefined) return { kind: 'founder', founderId: entry.founderId };
    } catch (error) {
      if (!(error instanceof LinkTokenError)) throw error;
      throw unauthenticated(res, error.message);
    }
    throw new AppError({
      status: 403,
      title: 'Forbidden',
      detail: 'This link opens no counselling case yet',
    });
  };
}
