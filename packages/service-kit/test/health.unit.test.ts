import { Registry } from 'prom-client';
import { startTestApp, type TestApp } from './support';

const passing = { name: 'database', check: async () => undefined };
const failing = {
  name: 'broker',
  check: async () => {
    throw new Error('broker unreachable');
  },
};
const hanging = { name: 'slowpoke', check: () => new Promise<void>(() => undefined) };

describe('health, readiness and metrics', () => {
  const apps: TestApp[] = [];

  async function start(...args: Parameters<typeof startTestApp>): Promise<TestApp> {
    const app = await startTestApp(...args);
    apps.push(app);
    return app;
  }

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.server.close()));
  });

  it('answers /healthz without checking dependencies', async () => {
    const app = await start({ readiness: [failing] });
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 200 when every check passes', async () => {
    const app = await start({ readiness: [passing, { ...passing, name: 'cache' }] });
    const response = await fetch(`${app.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', cache: 'ok' },
    });
  });

  it('answers /readyz 503 naming a check that rejects or hangs', async () => {
    const app = await start({ readiness: [passing, failing, hanging], readinessTimeoutMs: 200 });
    const started = Date.now();
    const response = await fetch(`${app.url}/readyz`);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 503,
      title: 'Service Unavailable',
      detail: 'Not ready: broker, slowpoke',
      checks: { database: 'ok', broker: 'failed', slowpoke: 'timed out' },
      requestId: response.headers.get('x-request-id'),
    });
    expect(JSON.stringify(body)).not.toContain('unreachable');
  });

  it('times a hanging check out after 2 s by default', async () => {
    const app = await start({ readiness: [hanging] });
    const started = Date.now();
    const response = await fetch(`${app.url}/readyz`);
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
  });

  it.each(['/healthz', '/readyz', '/metrics'])('answers 405 to POST %s', async (path) => {
    const app = await start();
    const response = await fetch(`${app.url}${path}`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('exposes request durations labelled with the route pattern, not the raw URL', async () => {
    const app = await start();
    await fetch(`${app.url}/items/abc-123`);
    await fetch(`${app.url}/items/taken`);
    await fetch(`${app.url}/nested/xyz`);
    await fetch(`${app.url}/no/such/path/42`);
    const response = await fetch(`${app.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const count = (labels: string): string | undefined =>
      text
        .split('\n')
        .find((line) => line.startsWith(`http_request_duration_seconds_count{${labels}}`));
    expect(count('method="GET",route="/items/:id",status="200"')).toMatch(/ 1$/);
    expect(count('method="GET",route="/items/:id",status="409"')).toMatch(/ 1$/);
    expect(count('method="GET",route="/nested/:id",status="500"')).toMatch(/ 1$/);
    expect(count('method="GET",route="unmatched",status="404"')).toMatch(/ 1$/);
    expect(text).not.toContain('abc-123');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('shares one registry between apps without registering metrics twice', async () => {
    const registry = new Registry();
    const first = await start({ registry });
    const second = await start({ registry });
    await fetch(`${first.url}/healthz`);
    await fetch(`${second.url}/healthz`);
    const text = await registry.metrics();
    expect(text).toContain('route="/healthz",status="200"} 2');
  });
});
