import { configSchema } from '../src/config';
import { startPortal, type RunningPortal } from '../src/server';

/**
 * What a visitor sees when a page does not exist, a request cannot be read or a service behind
 * the portal is down: a page in their language inside the portal's layout, with the way back.
 * The services are pointed at a closed port, so every call to them fails to connect.
 */
const CLOSED = 'http://127.0.0.1:1';
let portal: RunningPortal;

beforeAll(async () => {
  portal = await startPortal(
    configSchema.parse({
      PORT: '0',
      LOG_LEVEL: 'silent',
      INTAKE_URL: CLOSED,
      COUNSELLING_URL: CLOSED,
      METRICS_URL: CLOSED,
      FOLLOW_UP_URL: CLOSED,
      JOURNEYS_URL: CLOSED,
    }),
  );
});

afterAll(() => portal.stop());

const get = (path: string, language: string) =>
  fetch(`${portal.url}${path}`, { headers: { 'accept-language': language } });

describe('problem pages', () => {
  it('answers an unknown address with a 404 page in the visitor’s language, menu included', async () => {
    const response = await get('/staff', 'nb');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain('<html lang="nb" dir="ltr">');
    expect(page).toContain('<h1>Fant ikke siden</h1>');
    expect(page).toContain('href="/dashboard"');
    expect(page).toContain('<a href="/">Gå til forsiden</a>');
  });

  it('answers a form too large to read with 413 and a readable page', async () => {
    const response = await fetch(`${portal.url}/apply`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
      body: `idea=${'x'.repeat(30_000)}`,
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('<h1>The request could not be read</h1>');
  });

  it('says a service did not answer (502) when intake is down, without any internals', async () => {
    const response = await get(
      '/status/0f0f0f0f-0000-4000-8000-000000000001?token=some-link-token',
      'en',
    );
    expect(response.status).toBe(502);
    const page = await response.text();
    expect(page).toContain('<h1>Not available right now</h1>');
    expect(page).not.toMatch(/ECONNREFUSED|at .*\.ts/);
  });
});
