import {
  createLinkTokens,
  createStaffVerifier,
  DEFAULT_LINK_AUDIENCE,
  issueLocalStaffToken,
  LinkTokenError,
  StaffTokenError,
  type LinkTokenProblem,
} from '../src';
import { SECRET, testConfig, unsignedToken, withPayload } from './support';

const HOUR = 3600;
const links = createLinkTokens({ secret: SECRET, ttlSeconds: HOUR });

async function expectRefused(token: string, problem: LinkTokenProblem): Promise<void> {
  const error: unknown = await links.verify(token).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(LinkTokenError);
  expect((error as LinkTokenError).problem).toBe(problem);
}

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
}

describe('founder link tokens', () => {
  it('opens the application it was issued for until it expires', async () => {
    const now = new Date();
    const token = links.issue('application-42', now);
    const link = await links.verify(token);
    expect(link.applicationId).toBe('application-42');
    expect(link.expiresAt.getTime()).toBe(Math.floor(now.getTime() / 1000 + HOUR) * 1000);
  });

  it('refuses an expired link', async () => {
    const issuedAt = new Date(Date.now() - 2 * HOUR * 1000);
    await expectRefused(links.issue('application-42', issuedAt), 'expired');
  });

  it('refuses a link changed to open another application', async () => {
    const token = links.issue('application-42');
    const tampered = withPayload(token, { ...claimsOf(token), sub: 'application-43' });
    await expectRefused(tampered, 'invalid');
  });

  it('refuses links signed with another secret, another audience, or not at all', async () => {
    const otherSecret = createLinkTokens({ secret: 'z'.repeat(40), ttlSeconds: HOUR });
    await expectRefused(otherSecret.issue('application-42'), 'invalid');
    const otherAudience = createLinkTokens({ secret: SECRET, ttlSeconds: HOUR, audience: 'x' });
    await expectRefused(otherAudience.issue('application-42'), 'invalid');
    const claims = claimsOf(links.issue('application-42'));
    await expectRefused(unsignedToken(claims, 'founder-link+jwt'), 'invalid');
  });

  it('refuses a staff token even with the same secret and audience', async () => {
    const config = testConfig({ AUTH_AUDIENCE: DEFAULT_LINK_AUDIENCE });
    const staffToken = await issueLocalStaffToken(config, { staffId: 'x', roles: ['admin'] });
    await expectRefused(staffToken, 'invalid');
  });

  it('is refused as a staff token even with the same secret and audience', async () => {
    const sameAudience = createLinkTokens({
      secret: SECRET,
      ttlSeconds: HOUR,
      audience: 'grunderboost',
    });
    const staff = createStaffVerifier(testConfig());
    await expect(staff.verify(sameAudience.issue('application-42'))).rejects.toBeInstanceOf(
      StaffTokenError,
    );
  });

  it('refuses a short secret, a bad lifetime and an empty application id', () => {
    expect(() => createLinkTokens({ secret: 'short', ttlSeconds: HOUR })).toThrow(/32/);
    expect(() => createLinkTokens({ secret: SECRET, ttlSeconds: 0 })).toThrow(/lifetime/);
    expect(() => links.issue('')).toThrow(/application id/);
  });
});
