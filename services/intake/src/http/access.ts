import {
  hasRole,
  LinkTokenError,
  staffOf,
  type LinkTokens,
  type StaffPrincipal,
  type StaffRole,
} from '@grunderboost/auth';
import type { Request, Response } from 'express';
import { FOUNDER_TOKEN_HEADER } from './schemas';
import type { Localiser } from './localise';

/** Who is asking: a staff member (bearer token) or the founder (their link for this application). */
export type Access = { kind: 'staff'; staff: StaffPrincipal } | { kind: 'founder' };

/** Roles that may read personal data of applications (analysts see statistics only). */
export const CASEWORK_ROLES: StaffRole[] = ['counsellor', 'lead', 'admin'];

export interface AccessCheck {
  /**
   * Staff with one of `staffRoles`, or the founder whose link opens `applicationId`;
   * `staffRoles` empty means this is for the founder alone. Throws a localised 401/403 otherwise.
   */
  to(req: Request, res: Response, applicationId: string, staffRoles: StaffRole[]): Promise<Access>;
}

function linkTokenOf(req: Request): string | undefined {
  const header = req.get(FOUNDER_TOKEN_HEADER);
  if (header !== undefined && header !== '') return header;
  const query = req.query.token;
  return typeof query === 'string' && query !== '' ? query : undefined;
}

export function accessCheck(links: LinkTokens, localise: Localiser): AccessCheck {
  return {
    async to(req, res, applicationId, staffRoles) {
      const staff = staffOf(req);
      if (staff !== undefined) {
        if (staffRoles.length > 0 && hasRole(staff, ...staffRoles)) return { kind: 'staff', staff };
        throw localise.problem(req, res, 403, 'forbidden');
      }
      const token = linkTokenOf(req);
      if (token === undefined) throw localise.problem(req, res, 401, 'unauthenticated');
      try {
        const link = await links.verify(token);
        if (link.applicationId === applicationId) return { kind: 'founder' };
      } catch (error) {
        if (!(error instanceof LinkTokenError)) throw error;
      }
      throw localise.problem(req, res, 403, 'link_invalid');
    },
  };
}
