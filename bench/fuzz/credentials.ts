import { createLinkTokens, STAFF_ROLES } from '@grunderboost/auth';
import { randomBytes, randomUUID } from 'node:crypto';
import type { ServiceName, Started } from '../lib/services';

/**
 * The credentials real clients hold: a staff bearer token from intake's development issuer
 * (POST /dev/token) with every role, so fuzzing reaches every staff handler; founders' link
 * tokens, signed with this run's link secrets (handed to the services in their environment);
 * and a partner API key issued through partners' own admin API.
 */
export interface Credentials {
  staffToken: string;
  /** Intake's and counselling's founder link (to an application nobody has). */
  founderLinkToken: string;
  /** Follow-up's survey link (to a follow-up nobody has). */
  surveyLinkToken: string;
  /** Undefined when partners is not fuzzed in this run. */
  partnerApiKey: string | undefined;
}

interface LinkSecrets {
  founder: string;
  survey: string;
}

/** Survey links carry follow-up's own audience (its config.ts, FOLLOW_UP_LINK_AUDIENCE). */
const SURVEY_LINK_AUDIENCE = 'grunderboost-follow-up';

/** The link secrets of this run, in the environment of the services that check them. */
export function serviceEnv(
  secrets: LinkSecrets,
): Partial<Record<ServiceName, Record<string, string>>> {
  return {
    intake: { FOUNDER_LINK_SECRET: secrets.founder },
    counselling: { FOUNDER_LINK_SECRET: secrets.founder },
    'follow-up': { FOLLOW_UP_LINK_SECRET: secrets.survey },
  };
}

export const runCredentials = {
  secrets: (): LinkSecrets => ({
    founder: randomBytes(32).toString('base64url'),
    survey: randomBytes(32).toString('base64url'),
  }),

  async issue(started: Started, secrets: LinkSecrets): Promise<Credentials> {
    const intake = started.intake;
    if (intake === undefined) throw new Error('intake was not started');
    const staff = await staffToken(intake.url);
    return {
      staffToken: staff,
      founderLinkToken: linkToken(secrets.founder),
      surveyLinkToken: linkToken(secrets.survey, SURVEY_LINK_AUDIENCE),
      partnerApiKey: started.partners
        ? await partnerApiKey(started.partners.url, staff)
        : undefined,
    };
  },
};

async function staffToken(intakeUrl: string): Promise<string> {
  const response = await fetch(`${intakeUrl}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffId: randomUUID(), roles: [...STAFF_ROLES] }),
  });
  if (!response.ok) throw new Error(`intake's POST /dev/token answered ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A genuine link, so requests get past the signature check to the handler. */
function linkToken(secret: string, audience?: string): string {
  const links = createLinkTokens({ secret, ttlSeconds: 3_600, ...(audience ? { audience } : {}) });
  return links.issue(randomUUID());
}

/** An API key of `nav`, one of the partners that partners registers at start-up. */
async function partnerApiKey(partnersUrl: string, staff: string): Promise<string> {
  const response = await fetch(`${partnersUrl}/partners/nav/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' },
    body: '{}',
  });
  if (response.status !== 201) {
    throw new Error(`partners' POST /partners/nav/keys answered ${response.status}`);
  }
  return ((await response.json()) as { apiKey: string }).apiKey;
}
