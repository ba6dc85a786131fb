/**
 * Who is signed in, read from the staff token's payload for the pages' own choices (own cases or
 * everyone's, lead-only forms). The portal does not verify the signature: every API it calls does,
 * and the API's answer is what counts.
 */
export interface StaffSession {
  staffId: string;
  roles: string[];
}

export function sessionOf(token: string | undefined): StaffSession | undefined {
  const payload = token?.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    if (typeof claims !== 'object' || claims === null) return undefined;
    const { sub, roles } = claims as { sub?: unknown; roles?: unknown };
    if (typeof sub !== 'string' || !Array.isArray(roles)) return undefined;
    return { staffId: sub, roles: roles.filter((r): r is string => typeof r === 'string') };
  } catch {
    return undefined;
  }
}

/** Leads and admins see every case and may reassign (counselling's rule). */
export const isLead = (session: StaffSession | undefined): boolean =>
  session?.roles.some((role) => role === 'lead' || role === 'admin') ?? false;
