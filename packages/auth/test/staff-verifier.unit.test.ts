import { ConfigError } from '@grunderboost/service-kit';
import { createStaffVerifier, StaffTokenError, type StaffTokenProblem } from '../src';
import {
  nowSeconds,
  signHs256,
  staffClaims,
  testConfig,
  unsignedToken,
  withPayload,
} from './support';

const verifier = createStaffVerifier(testConfig());

async function refusal(token: string): Promise<StaffTokenError> {
  const error: unknown = await verifier.verify(token).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StaffTokenError);
  return error as StaffTokenError;
}

async function expectRefused(token: string, problem: StaffTokenProblem, message?: RegExp) {
  const error = await refusal(token);
  expect(error.problem).toBe(problem);
  if (message !== undefined) {
    expect(error.message).toMatch(message);
  }
}

describe('createStaffVerifier (local issuer, HS256)', () => {
  it('accepts a good token and returns who it speaks for', async () => {
    const token = await signHs256(staffClaims({ sub: 'lead-7', roles: ['lead', 'analyst'] }));
    await expect(verifier.verify(token)).resolves.toEqual({
      staffId: 'lead-7',
      roles: ['lead', 'analyst'],
    });
  });

  it('keeps the known roles only, once each', async () => {
    const token = await signHs256(staffClaims({ roles: ['lead', 'janitor', 'lead', 42] }));
    expect((await verifier.verify(token)).roles).toEqual(['lead']);
  });

  it('refuses an expired token but forgives a few seconds of clock skew', async () => {
    await expectRefused(await signHs256(staffClaims({ exp: nowSeconds() - 60 })), 'expired');
    await expect(
      verifier.verify(await signHs256(staffClaims({ exp: nowSeconds() - 5 }))),
    ).resolves.toBeDefined();
  });

  it('refuses a token that is not valid yet', async () => {
    const token = await signHs256(staffClaims({ nbf: nowSeconds() + 120 }));
    await expectRefused(token, 'not_yet_valid');
  });

  it('refuses a token without exp: it would never expire', async () => {
    await expectRefused(await signHs256(staffClaims({ exp: undefined })), 'invalid', /"exp"/);
  });

  it('refuses another issuer and another audience', async () => {
    await expectRefused(await signHs256(staffClaims({ iss: 'evil' })), 'invalid', /"iss"/);
    await expectRefused(await signHs256(staffClaims({ aud: 'metrics' })), 'invalid', /"aud"/);
  });

  it('refuses an unsigned token (alg: none)', async () => {
    await expectRefused(unsignedToken(staffClaims()), 'invalid');
  });

  it('refuses an algorithm outside the allow-list', async () => {
    const hs512Only = createStaffVerifier(testConfig({ AUTH_ALGORITHMS: 'HS512' }));
    const token = await signHs256(staffClaims());
    await expect(hs512Only.verify(token)).rejects.toThrow(/algorithm is not accepted/);
    await expect(verifier.verify(token)).resolves.toBeDefined();
  });

  it('refuses a tampered payload and a token signed with another secret', async () => {
    const token = await signHs256(staffClaims({ roles: ['counsellor'] }));
    await expectRefused(withPayload(token, staffClaims({ roles: ['admin'] })), 'invalid');
    const forged = await signHs256(staffClaims(), {}, 'another-secret-that-is-also-long-enough');
    await expectRefused(forged, 'invalid');
  });

  it('refuses a token without a subject', async () => {
    await expectRefused(await signHs256(staffClaims({ sub: undefined })), 'invalid', /"sub"/);
    await expectRefused(await signHs256(staffClaims({ sub: '' })), 'invalid');
  });

  it.each([
    ['missing', undefined],
    ['empty', []],
    ['unknown only', ['janitor', 'ADMIN']],
    ['not a list', 'admin'],
  ])('refuses roles %s as granting no role', async (_case, roles) => {
    await expectRefused(await signHs256(staffClaims({ roles })), 'no_role');
  });

  it('insists on typ at+jwt (media type form allowed) for local tokens', async () => {
    const accepted = await signHs256(staffClaims(), { typ: 'application/at+jwt' });
    await expect(verifier.verify(accepted)).resolves.toBeDefined();
    await expectRefused(await signHs256(staffClaims(), { typ: undefined }), 'invalid');
    await expectRefused(await signHs256(staffClaims(), { typ: 'JWT' }), 'invalid');
    // A founder link signed with the same secret and carrying staff claims is still no access token.
    const link = await signHs256(staffClaims(), { typ: 'founder-link+jwt' });
    await expectRefused(link, 'invalid', /not an access token/);
  });

  it('refuses configurations that cannot verify or invite key confusion', () => {
    expect(() => createStaffVerifier(testConfig({ AUTH_ALGORITHMS: 'RS256' }))).toThrow(
      ConfigError,
    );
    const jwksWithHmac = testConfig({
      AUTH_ALGORITHMS: 'RS256,HS256',
      AUTH_JWKS_URL: 'https://login.example.no/jwks',
    });
    expect(() => createStaffVerifier(jwksWithHmac)).toThrow(/HS\* algorithms cannot/);
  });
});
