import type { ApiRequest, ServiceApi } from '../src/api';
import { metricsAccess } from '../src/routes/dashboard-token';

/** A stand-in for intake's POST /dev/token that counts the tokens it hands out. */
function issuer(answer: { status: number; expiresIn?: number } = { status: 200, expiresIn: 3600 }) {
  const calls: Array<{ path: string; init?: ApiRequest }> = [];
  const api: ServiceApi = async (path, init) => {
    calls.push({ path, ...(init === undefined ? {} : { init }) });
    return {
      status: answer.status,
      body:
        answer.status === 200
          ? { access_token: `token-${calls.length}`, expires_in: answer.expiresIn }
          : { title: 'Not Found' },
    };
  };
  return { api, calls };
}

describe('the portal’s token towards metrics', () => {
  it('asks the development issuer once for an analyst token and keeps it until shortly before it expires', async () => {
    let now = 0;
    const intake = issuer();
    const access = metricsAccess({
      devIssuer: { intake: intake.api, staffId: 'portal-dashboard' },
      now: () => now,
    });
    expect(await access.token()).toBe('token-1');
    now = 3_500_000; // 58 min 20 s: still more than a minute left
    expect(await access.token()).toBe('token-1');
    expect(intake.calls).toEqual([
      {
        path: '/dev/token',
        init: { method: 'POST', body: { staffId: 'portal-dashboard', roles: ['analyst'] } },
      },
    ]);
    now = 3_545_000; // less than a minute left: a new one
    expect(await access.token()).toBe('token-2');
  });

  it('fetches a new token after metrics refused the old one', async () => {
    const intake = issuer();
    const access = metricsAccess({ devIssuer: { intake: intake.api, staffId: 'p' } });
    expect(await access.token()).toBe('token-1');
    access.refused();
    expect(await access.token()).toBe('token-2');
  });

  it('has no token when the issuer is not there (intake without its development issuer)', async () => {
    const access = metricsAccess({
      devIssuer: { intake: issuer({ status: 404 }).api, staffId: 'p' },
    });
    expect(access.configured).toBe(true);
    expect(await access.token()).toBeUndefined();
    const down: ServiceApi = () => Promise.reject(new Error('ECONNREFUSED'));
    const unreachable = metricsAccess({ devIssuer: { intake: down, staffId: 'p' } });
    expect(await unreachable.token()).toBeUndefined();
  });

  it('sends a configured token as it is, and nothing when none is configured', async () => {
    expect(await metricsAccess({ staticToken: 'a-configured-token-of-some-length' }).token()).toBe(
      'a-configured-token-of-some-length',
    );
    const none = metricsAccess({});
    expect(none.configured).toBe(false);
    expect(await none.token()).toBeUndefined();
  });
});
