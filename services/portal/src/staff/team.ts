import type { ApiAnswer, ServiceApis } from '../api';

/** A counsellor as counselling knows them (its team: COUNSELLOR_IDS plus those a lead added). */
export interface TeamMember {
  counsellorId: string;
  name: string;
  active: boolean;
}

/** The request options of a signed-in staff member's call. */
export const asStaff = (token: string, language: string) => ({
  headers: { authorization: `Bearer ${token}`, 'accept-language': language },
});

export function teamOf(answer: ApiAnswer | undefined): TeamMember[] | undefined {
  if (answer?.status !== 200 || !Array.isArray(answer.body.counsellors)) return undefined;
  return (answer.body.counsellors as Array<Record<string, unknown>>).map((c) => ({
    counsellorId: String(c.counsellorId),
    name: String(c.name),
    active: c.active !== false,
  }));
}

/**
 * The id the sign-in page reads the team with. The development sign-in needs the team before
 * anyone is signed in, so it asks the same local token issuer it signs people in with for a
 * counsellor's read-only token; without that issuer (production) there is no such page.
 */
const SIGN_IN_READER = '00000000-0000-4000-8000-00000000f0a1';

export async function teamForSignIn(apis: ServiceApis): Promise<TeamMember[] | undefined> {
  try {
    const issued = await apis.intake('/dev/token', {
      method: 'POST',
      body: { staffId: SIGN_IN_READER, roles: ['counsellor'] },
    });
    if (issued.status !== 200 || typeof issued.body.access_token !== 'string') return undefined;
    return teamOf(await apis.counselling('/counsellors', asStaff(issued.body.access_token, 'en')));
  } catch {
    // counselling not reachable: the page falls back to typing an id
    return undefined;
  }
}

/** Counsellor names by id, for cards and the timeline; unknown ids show as themselves. */
export const namesOf = (team: TeamMember[] | undefined): Map<string, string> =>
  new Map((team ?? []).map((member) => [member.counsellorId, member.name]));
