import type { RunningServer } from '@grunderboost/service-kit';
import {
  authenticateStaff,
  createStaffVerifier,
  issueLocalStaffToken,
  KeySetUnavailableError,
  optionalStaff,
  requireRole,
  staffOf,
  type StaffRole,
} from '../src';
import {
  expectProblem,
  nowSeconds,
  signHs256,
  staffClaims,
  startTestApp,
  testConfig,
} from './support';

const config = testConfig();
const verifier = createStaffVerifier(config);
const unavailable = {
  verify: async () => Promise.reject(new KeySetUnavailableError()),
};

async function tokenFor(...roles: StaffRole[]): Promise<string> {
  return issueLocalStaffToken(config, { staffId: 'staff-1', roles });
}

describe('staff middleware', () => {
  let server: RunningServer;

  const get = async (path: string, authorization?: string) =>
    fetch(`${server.url}${path}`, {
      headers: authorization === undefined ? {} : { authorization },
    });

  beforeAll(async () => {
    server = await startTestApp((router) => {
      router.get('/me', authenticateStaff(verifier), (req, res) => void res.json(staffOf(req)));
      router.get(
        '/leads',
        authenticateStaff(verifier),
        requireRole('lead', 'admin'),
        (_req, res) => void res.json({ ok: true }),
      );
      router.get('/role-only', requireRole('admin'), (_req, res) => void res.json({ ok: true }));
      router.get(
        '/applications/1',
        optionalStaff(verifier),
        (req, res) => void res.json({ staff: staffOf(req) ?? null }),
      );
      router.get('/idp-down', authenticateStaff(unavailable), (_req, res) => void res.json({}));
    });
  });

  afterAll(async () => {
    await server.close();
  });

  it('sets the principal for a valid bearer token (scheme in any case)', async () => {
    const token = await tokenFor('counsellor');
    const response = await get('/me', `bearer ${token}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ staffId: 'staff-1', roles: ['counsellor'] });
  });

  it('answers 401 with a bare Bearer challenge when no token is given', async () => {
    const response = await get('/me');
    const body = await expectProblem(response, 401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(body.title).toBe('Unauthorized');
  });

  it.each([
    [
      'an expired token',
      async () => `Bearer ${await signHs256(staffClaims({ exp: nowSeconds() - 3600 }))}`,
    ],
    ['a forged token', async () => `Bearer ${await signHs256(staffClaims(), {}, 'x'.repeat(40))}`],
    ['another scheme', async () => 'Basic c3RhZmY6cGFzc3dvcmQ='],
    ['an empty bearer', async () => 'Bearer '],
  ])('answers 401 invalid_token for %s', async (_case, header) => {
    const response = await get('/me', await header());
    await expectProblem(response, 401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('says why an expired token was refused', async () => {
    const expired = await signHs256(staffClaims({ exp: nowSeconds() - 3600 }));
    const body = await expectProblem(await get('/me', `Bearer ${expired}`), 401);
    expect(body.detail).toBe('The access token has expired');
  });

  it('answers 403 insufficient_scope for a genuine token that grants no role here', async () => {
    const token = await signHs256(staffClaims({ roles: ['janitor'] }));
    const response = await get('/me', `Bearer ${token}`);
    await expectProblem(response, 403);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope"');
  });

  it('requireRole admits any of its roles and answers 403 otherwise', async () => {
    expect((await get('/leads', `Bearer ${await tokenFor('lead')}`)).status).toBe(200);
    expect((await get('/leads', `Bearer ${await tokenFor('admin')}`)).status).toBe(200);
    const response = await get('/leads', `Bearer ${await tokenFor('counsellor', 'analyst')}`);
    const body = await expectProblem(response, 403);
    expect(body.detail).toBe('This action needs one of the roles: lead, admin');
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope"');
  });

  it('requireRole without an authenticated principal answers 401', async () => {
    const response = await get('/role-only', `Bearer ${await tokenFor('admin')}`);
    await expectProblem(response, 401);
  });

  it('optionalStaff passes requests without Authorization, with or without a principal', async () => {
    const anonymous = await get('/applications/1');
    expect(await anonymous.json()).toEqual({ staff: null });
    const staff = await get('/applications/1', `Bearer ${await tokenFor('lead')}`);
    expect(await staff.json()).toEqual({ staff: { staffId: 'staff-1', roles: ['lead'] } });
  });

  it('optionalStaff still refuses a present but invalid token', async () => {
    const response = await get('/applications/1', 'Bearer not.a.token');
    await expectProblem(response, 401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('answers 503, not 401, when the identity provider keys cannot be fetched', async () => {
    const response = await get('/idp-down', 'Bearer some.opaque.token');
    await expectProblem(response, 503);
    expect(response.headers.get('www-authenticate')).toBeNull();
  });
});
