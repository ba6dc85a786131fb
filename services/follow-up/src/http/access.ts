import { hasRole, LinkTokenError, staffOf, type LinkTokens } from '@grunderboost/auth';
import { AppError } from '@grunderboost/service-kit';
import type { Request, Response } from 'express';
import { FOUNDER_TOKEN_HEADER } from './schemas';

/** Roles that work with founders' cases; analysts see aggregates elsewhere, not follow-ups. */
export const CASE_ROLES = ['counsellor', 'lead', 'admin'] as const;

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

const forbidden = (detail: string) => new AppError({ status: 403, title: 'Forbidden', detail });

/** The founder's survey link must have been issued for this very follow-up. */
async function checkLink(links: LinkTokens, req: Request, res: Response, followUpId: string) {
  const token = linkTokenOf(req);
  if (token === undefined) {
    throw unauthenticated(res, 'This resource needs a survey link or a staff bearer token');
  }
  try {
    const { applicationId: subject } = await links.verify(token);
    if (subject !== followUpId) throw forbidden('This link opens another follow-up');
  } catch (error) {
    if (error instanceof LinkTokenError) throw unauthenticated(res, error.message);
    throw error;
  }
}

/** Staff with a case role (token checked by optionalStaff), or the founder through the link. */
export async function admitStaffOrFounder(
  links: LinkTokens,
  req: Request,
  res: Response,
  followUpId: string,
): Promise<void> {
  const staff = staffOf(req);
  if (staff !== undefined) {
    if (!hasRole(staff, ...CASE_ROLES)) {
      throw forbidden(`This action needs one of the roles: ${CASE_ROLES.join(', ')}`);
    }
    return;
  }
  await checkLink(links, req, res, followUpId);
}

/** Only the founder answers: staff typing in answers would not be the founder's report. */
export async function admitFounder(
  links: LinkTokens,
  req: Request,
  res: Response,
  followUpId: string,
): Promise<void> {
  await checkLink(links, req, res, followUpId);
}
