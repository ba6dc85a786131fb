import type { ApiAnswer, ServiceApi } from '../src/api';
import { figureReads, readDashboard } from '../src/routes/dashboard-figures';
import { metricsAccess } from '../src/routes/dashboard-token';

const FILTERS = { period: 'quarter', from: '2026K1', to: '2026K4' } as const;
const SETTINGS = {
  access: metricsAccess({ staticToken: 'a-configured-token-of-some-length' }),
  naeringsvekst: { from: '2019K4', to: '2024K4', municipalities: ['3301', '3312'] },
};

/** A stand-in for the metrics API answering by path, and recording what was asked. */
function metrics(answer: (path: string) => ApiAnswer) {
  const asked: string[] = [];
  const api: ServiceApi = async (path, init) => {
    asked.push(`${path} ${init?.headers?.authorization ?? '-'}`);
    return answer(path);
  };
  return { api, asked };
}

const row = { period: '2026K4', dimension: 'all', value: 'all' };

describe('reading the figures from metrics', () => {
  it('keeps a suppressed cell suppressed, and a cell without a value too', async () => {
    const { api } = metrics(() => ({
      status: 200,
      body: {
        period: 'quarter',
        dimension: 'all',
        rows: [
          {
            ...row,
            figures: {
              applied: { value: 7, suppressed: false },
              accepted: { value: null, suppressed: true },
              assigned: { value: 3, suppressed: true },
              firstSession: { value: null, suppressed: false },
            },
          },
        ],
      },
    }));
    const funnel = await figureReads(api, SETTINGS, FILTERS).funnel();
    expect(funnel.ok && funnel.data.rows[0]?.figures).toEqual({
      applied: { value: 7, suppressed: false },
      accepted: { value: null, suppressed: true },
      assigned: { value: null, suppressed: true },
      firstSession: { value: null, suppressed: true },
    });
  });

  it('asks with the token, the filters and one dimension; a crossed breakdown is not asked', async () => {
    const { api, asked } = metrics(() => ({ status: 503, body: {} }));
    const figures = await readDashboard(api, SETTINGS, { ...FILTERS, municipality: '3312' });
    expect(figures.byFocusArea).toEqual({ ok: false, reason: 'not-possible' });
    expect(figures.funnel).toEqual({ ok: false, reason: 'unavailable' });
    expect(asked).toEqual(
      expect.arrayContaining([
        '/metrics/funnel?period=quarter&from=2026K1&to=2026K4&municipality=3312 Bearer a-configured-token-of-some-length',
        '/metrics/funnel?period=quarter&from=2026K1&to=2026K4&municipality=3312&by=municipality Bearer a-configured-token-of-some-length',
        '/indicators/naeringsvekst?from=2019K4&to=2024K4&municipality=3312 Bearer a-configured-token-of-some-length',
        '/metrics/summary -',
      ]),
    );
    expect(asked.some((line) => line.includes('by=focusArea'))).toBe(false);
  });

  it('says which statistics are missing, and that a refused token is refused', async () => {
    const missing = metrics(() => ({ status: 422, body: { missing: ['population 3301 2019K4'] } }));
    expect(await figureReads(missing.api, SETTINGS, FILTERS).naeringsvekst()).toEqual({
      ok: false,
      reason: 'missing-statistics',
      missing: ['population 3301 2019K4'],
    });
    const refused = metrics(() => ({ status: 403, body: {} }));
    expect(await figureReads(refused.api, SETTINGS, FILTERS).outcomes()).toEqual({
      ok: false,
      reason: 'refused',
    });
  });

  it('takes an unexpected body or an unreachable service as unavailable, never as figures', async () => {
    const odd = metrics(() => ({ status: 200, body: { rows: 'many' } }));
    expect(await figureReads(odd.api, SETTINGS, FILTERS).funnel()).toEqual({
      ok: false,
      reason: 'unavailable',
    });
    const down: ServiceApi = () => Promise.reject(new Error('ECONNREFUSED'));
    const figures = await readDashboard(down, SETTINGS, FILTERS);
    expect(figures.summary).toBeUndefined();
    expect(figures.naeringsvekst).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('says the figures are not switched on when no token is configured', async () => {
    const { api, asked } = metrics(() => ({ status: 200, body: {} }));
    const figures = await readDashboard(api, { ...SETTINGS, access: metricsAccess({}) }, FILTERS);
    expect(figures.funnel).toEqual({ ok: false, reason: 'not-configured' });
    expect(asked).toEqual(['/metrics/summary -']);
  });

  it('fetches a new development token once when metrics refuses the old one (expired)', async () => {
    let issued = 0;
    const intake: ServiceApi = async () => ({
      status: 200,
      body: { access_token: `token-${++issued}`, expires_in: 28_800 },
    });
    const access = metricsAccess({ devIssuer: { intake, staffId: 'portal-dashboard' } });
    const { api, asked } = metrics(() =>
      asked.length === 1
        ? { status: 401, body: {} }
        : { status: 200, body: { period: 'quarter', dimension: 'all', rows: [] } },
    );
    const funnel = await figureReads(api, { ...SETTINGS, access }, FILTERS).funnel();
    expect(funnel).toEqual({ ok: true, data: { period: 'quarter', dimension: 'all', rows: [] } });
    expect(asked.map((line) => line.split(' ')[2])).toEqual(['token-1', 'token-2']);
  });
});
