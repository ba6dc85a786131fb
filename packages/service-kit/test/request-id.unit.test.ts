import { startTestApp, type TestApp } from './support';

describe('request ids', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.server.close();
  });

  it('generates an id when none comes in and echoes it', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reuses a valid incoming id', async () => {
    const response = await fetch(`${app.url}/healthz`, {
      headers: { 'X-Request-Id': 'caller-1.trace_2' },
    });
    expect(response.headers.get('x-request-id')).toBe('caller-1.trace_2');
  });

  it.each([
    ['characters outside [A-Za-z0-9._-]', 'bad id<script>'],
    ['more than 128 characters', 'a'.repeat(129)],
  ])('replaces an incoming id with %s', async (_case, incoming) => {
    const response = await fetch(`${app.url}/healthz`, { headers: { 'X-Request-Id': incoming } });
    const id = response.headers.get('x-request-id');
    expect(id).not.toBe(incoming);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('puts the id into problem bodies and into the access log', async () => {
    const response = await fetch(`${app.url}/nowhere`, {
      headers: { 'X-Request-Id': 'trace-404' },
    });
    const body = (await response.json()) as { requestId: string };
    expect(body.requestId).toBe('trace-404');
    const accessLine = app.logs.find((line) => line.requestId === 'trace-404');
    expect(accessLine).toMatchObject({
      service: 'kit-test',
      level: 'warn',
      res: { statusCode: 404 },
    });
  });
});
