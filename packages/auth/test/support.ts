import {
  createApp,
  createLogger,
  startServer,
  type RunningServer,
} from '@grunderboost/service-kit';
import type { Router } from 'express';
import { SignJWT, type JWTHeaderParameters, type JWTPayload } from 'jose';
import { staffAuthConfigSchema, type StaffAuthConfig } from '../src';

export const SECRET = 'a-test-secret-that-is-long-enough-1234';

/** The configuration parsed from these variables, with the test secret. */
export function testConfig(env: Record<string, string> = {}): StaffAuthConfig {
  return staffAuthConfigSchema.parse({ AUTH_LOCAL_SECRET: SECRET, ...env });
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Claims of a token the default test configuration accepts; `undefined` drops a claim. */
export function staffClaims(overrides: Record<string, unknown> = {}): JWTPayload {
  return {
    iss: 'grunderboost-local',
    aud: 'grunderboost',
    sub: 'counsellor-1',
    roles: ['counsellor'],
    iat: nowSeconds(),
    exp: nowSeconds() + 600,
    ...overrides,
  };
}

/** Signs any claims and header, valid or not, as an attacker or a broken issuer could. */
export async function signHs256(
  claims: JWTPayload,
  header: Partial<JWTHeaderParameters> = {},
  secret = SECRET,
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', ...header })
    .sign(new TextEncoder().encode(secret));
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An unsecured JWT (RFC 7519 §6): `alg: none` and an empty signature. */
export function unsignedToken(claims: JWTPayload, typ = 'at+jwt'): string {
  return `${encode({ alg: 'none', typ })}.${encode(claims)}.`;
}

/** Replaces the payload of a signed token, keeping the header and the old signature. */
export function withPayload(token: string, claims: JWTPayload): string {
  const [header, , signature] = token.split('.');
  return `${header}.${encode(claims)}.${signature}`;
}

/** The real service-kit app with these routes on a random port, logging nothing. */
export async function startTestApp(routes: (router: Router) => void): Promise<RunningServer> {
  const logger = createLogger({ service: 'auth-test', level: 'silent' });
  const app = createApp({ service: 'auth-test', logger, routes });
  return startServer(app, { port: 0, host: '127.0.0.1', logger, shutdownTimeoutMs: 2_000 });
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: Array<{ path: string }>;
}

export async function expectProblem(response: Response, status: number): Promise<ProblemBody> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as ProblemBody;
  expect(body.status).toBe(status);
  return body;
}
