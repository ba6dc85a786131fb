import type { RunningServer } from '@grunderboost/service-kit';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  createStaffVerifier,
  DEFAULT_LOCAL_TTL_SECONDS,
  issueLocalStaffToken,
  localIssuerRoutes,
} from '../src';
import { expectProblem, nowSeconds, startTestApp, testConfig } from './support';

const config = testConfig();
const verifier = createStaffVerifier(config);

describe('issueLocalStaffToken', () => {
  it('mints an at+jwt access token the verifier accepts, valid for 8 hours', async () => {
    const token = await issueLocalStaffToken(config, { staffId: 'c-1', roles: ['counsellor'] });
    await expect(verifier.verify(token)).resolves.toEqual({
      staffId: 'c-1',
      roles: ['counsellor'],
    });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'at+jwt' });
    const claims = decodeJwt(token);
    expect(claims.exp! - nowSeconds()).toBeGreaterThan(DEFAULT_LOCAL_TTL_SECONDS - 5);
    expect(claims.exp! - claims.iat!).toBe(8 * 60 * 60);
  });

  it('honours ttlSeconds and gives each token its own jti', async () => {
    const request = { staffId: 'c-1', roles: ['lead' as const], ttlSeconds: 60 };
    const [first, second] = await Promise.all([
      issueLocalStaffToken(config, request),
      issueLocalStaffToken(config, request),
    ]);
    expect(decodeJwt(first).exp! - decodeJwt(first).iat!).toBe(60);
    expect(decodeJwt(first).jti).toEqual(expect.any(String));
    expect(decodeJwt(first).jti).not.toBe(decodeJwt(second).jti);
  });

  it('refuses requests for no role or for a lifetime over a week', async () => {
    await expect(issueLocalStaffToken(config, { staffId: 'c-1', roles: [] })).rejects.toThrow();
    const long = { staffId: 'c-1', roles: ['admin' as const], ttlSeconds: 8 * 24 * 3600 };
    await expect(issueLocalStaffToken(config, long)).rejects.toThrow();
  });

  it('refuses to mint for an OIDC configuration, whose services would never accept it', async () => {
    const oidc = testConfig({
      AUTH_ALGORITHMS: 'RS256',
      AUTH_JWKS_URL: 'https://idp.example/jwks',
    });
    await expect(issueLocalStaffToken(oidc, { staffId: 'c-1', roles: ['admin'] })).rejects.toThrow(
      /local issuer/,
    );
    expect(() => localIssuerRoutes(oidc)).toThrow(/local issuer/);
  });
});

describe('localIssuerRoutes: POST /dev/token', () => {
  let server: RunningServer;
  const post = async (body: unknown) =>
    fetch(`${server.url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startTestApp((router) => router.use(localIssuerRoutes(config)));
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers a bearer token response with a token the services accept', async () => {
    const response = await post({ staffId: 'lead-2', roles: ['lead', 'analyst'] });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: DEFAULT_LOCAL_TTL_SECONDS });
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    await expect(verifier.verify(String(body.access_token))).resolves.toEqual({
      staffId: 'lead-2',
      roles: ['lead', 'analyst'],
    });
  });

  it('answers 400 problem+json naming each bad field', async () => {
    const body = await expectProblem(await post({ staffId: '', roles: ['boss'] }), 400);
    expect(body.errors?.map((error) => error.path).sort()).toEqual(['roles[0]', 'staffId']);
  });

  it('answers 405 to other methods', async () => {
    await expectProblem(await fetch(`${server.url}/dev/token`), 405);
  });
});
