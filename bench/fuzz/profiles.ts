import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../lib/stack';
import type { Credentials } from './credentials';

/** The services with a committed OpenAPI document (docs/openapi/<service>.json). */
export const FUZZED_SERVICES = [
  'intake',
  'counselling',
  'metrics',
  'follow-up',
  'partners',
] as const;
export type FuzzedService = (typeof FUZZED_SERVICES)[number];

export const openApiPath = (service: FuzzedService): string =>
  resolve(REPO_ROOT, 'docs/openapi', `${service}.json`);

/**
 * One schemathesis run: the operations a client with one kind of credential calls, and the
 * header that client sends. Operations open to staff (or to anyone) get the staff token; those
 * only a partner may call get the API key; those only a founder may call get the link token.
 */
export interface AuthProfile {
  name: 'staff' | 'partner' | 'founder';
  header: [string, string];
  /** Operation labels as schemathesis names them: "GET /cases/{founderId}". */
  operations: string[];
}

type Operation = { security?: Array<Record<string, unknown>> };
type Document = {
  security?: Array<Record<string, unknown>>;
  paths: Record<string, Record<string, Operation>>;
};

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** The credential a client would use for one operation, from its `security` requirements. */
function profileOf(schemes: string[]): AuthProfile['name'] {
  if (schemes.length === 0 || schemes.includes('staffBearer')) return 'staff';
  if (schemes.some((scheme) => scheme.startsWith('apiKey'))) return 'partner';
  return 'founder';
}

export async function authProfiles(
  service: FuzzedService,
  credentials: Credentials,
): Promise<AuthProfile[]> {
  const document = JSON.parse(await readFile(openApiPath(service), 'utf8')) as Document;
  const byProfile = new Map<AuthProfile['name'], string[]>();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!METHODS.has(method)) continue;
      const requirements = operation.security ?? document.security ?? [];
      const name = profileOf(requirements.flatMap((requirement) => Object.keys(requirement)));
      byProfile.set(name, [...(byProfile.get(name) ?? []), `${method.toUpperCase()} ${path}`]);
    }
  }
  return [...byProfile].map(([name, operations]) => ({
    name,
    operations,
    header: headerOf(name, service, credentials),
  }));
}

function headerOf(
  name: AuthProfile['name'],
  service: FuzzedService,
  credentials: Credentials,
): [string, string] {
  switch (name) {
    case 'staff':
      return ['Authorization', `Bearer ${credentials.staffToken}`];
    case 'partner':
      if (credentials.partnerApiKey === undefined) throw new Error('no partner API key');
      return ['X-Api-Key', credentials.partnerApiKey];
    case 'founder': {
      const token =
        service === 'follow-up' ? credentials.surveyLinkToken : credentials.founderLinkToken;
      return ['founder-token', token];
    }
  }
}
