import { postJson, startTestApp, type TestApp } from './support';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  requestId: string;
  errors?: Array<{ path: string; message: string; code: string }>;
}

async function expectProblem(response: Response, status: number): Promise<ProblemBody> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as ProblemBody;
  expect(body).toMatchObject({ type: 'about:blank', status });
  expect(body.requestId).toBe(response.headers.get('x-request-id'));
  expect(body.requestId).toEqual(expect.any(String));
  return body;
}

describe('problem+json responses', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ bodyLimit: '1kb' });
  });

  afterAll(async () => {
    await app.server.close();
  });

  it('accepts a valid body', async () => {
    const item = { name: 'Kafe', owner: { email: 'kari@example.no' }, tags: [{ label: 'food' }] };
    const response = await postJson(`${app.url}/items`, item);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual(item);
  });

  it('answers 400 naming every invalid field, nested and in arrays', async () => {
    const response = await postJson(`${app.url}/items?draft=1`, {
      name: '',
      owner: { email: 'not-an-email' },
      tags: [{ label: 'ok' }, { label: 7 }],
    });
    const body = await expectProblem(response, 400);
    expect(body.title).toBe('Validation failed');
    expect(body.instance).toBe('/items');
    expect(body.errors?.map((error) => error.path).sort()).toEqual([
      'name',
      'owner.email',
      'tags[1].label',
    ]);
    expect(body.errors).toContainEqual(
      expect.objectContaining({ path: 'tags[1].label', code: 'invalid_type' }),
    );
  });

  it('answers 400 for invalid query values, including repeated keys', async () => {
    const ok = await fetch(`${app.url}/search?tag=a&tag=b&page=2`);
    expect(await ok.json()).toEqual({ tag: ['a', 'b'], page: 2 });
    const single = await fetch(`${app.url}/search?tag=a`);
    expect(await single.json()).toEqual({ tag: ['a'], page: 1 });
    const bad = await expectProblem(await fetch(`${app.url}/search?page=x&page=y`), 400);
    expect(bad.errors?.[0]?.path).toBe('page');
  });

  it('answers 400 Malformed JSON for a body that is not JSON', async () => {
    const response = await fetch(`${app.url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": "Kafe",',
    });
    const body = await expectProblem(response, 400);
    expect(body.title).toBe('Malformed JSON');
    expect(JSON.stringify(body)).not.toContain('Kafe');
  });

  it('answers 413 for a body over the limit', async () => {
    const response = await postJson(`${app.url}/items`, { name: 'x'.repeat(2_000) });
    const body = await expectProblem(response, 413);
    expect(body.detail).toContain('1024');
  });

  it('answers 415 for a text/plain body', async () => {
    const response = await fetch(`${app.url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'name=Kafe',
    });
    await expectProblem(response, 415);
  });

  it('answers 415 for a JSON body in a charset other than UTF-8', async () => {
    const response = await fetch(`${app.url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=latin1' },
      body: '{}',
    });
    await expectProblem(response, 415);
  });

  it('answers 404 for an unknown path', async () => {
    const body = await expectProblem(await fetch(`${app.url}/nowhere/at/all`), 404);
    expect(body.instance).toBe('/nowhere/at/all');
  });

  it('answers 400, not 500, for a path with a broken %-escape', async () => {
    await expectProblem(await fetch(`${app.url}/items/%E0%A4%A`), 400);
  });

  it('answers 405 with Allow for a method the route does not support', async () => {
    const response = await fetch(`${app.url}/things`, { method: 'DELETE' });
    await expectProblem(response, 405);
    expect(response.headers.get('allow')).toBe('GET, POST, HEAD');
  });

  it('answers 409 for a thrown AppError conflict', async () => {
    const body = await expectProblem(await fetch(`${app.url}/items/taken`), 409);
    expect(body).toMatchObject({ title: 'Conflict', detail: 'Item taken already exists' });
  });

  it('answers 500 for an async handler that rejects, revealing nothing', async () => {
    const response = await fetch(`${app.url}/boom`);
    const body = await expectProblem(response, 500);
    expect(body.title).toBe('Internal Server Error');
    const text = JSON.stringify(body);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('db.internal');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    const logged = app.logs.find((line) => line.msg === 'request failed');
    expect(logged).toMatchObject({ level: 'error', requestId: body.requestId });
    expect((logged?.err as { stack: string }).stack).toContain('hunter2');
  });

  it('answers 503 with Retry-After when the database is busy, revealing nothing of it', async () => {
    const response = await fetch(`${app.url}/busy`);
    const body = await expectProblem(response, 503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(body.title).toBe('Service Unavailable');
    expect(body.detail).toContain('try again');
    expect(JSON.stringify(body)).not.toContain('db.internal');
    const logged = app.logs.find((line) => line.msg === 'request refused: database unavailable');
    expect(logged).toMatchObject({ level: 'warn', requestId: body.requestId });
  });

  it('answers 503 with a longer Retry-After when the database cannot be reached', async () => {
    const response = await fetch(`${app.url}/database-away`);
    await expectProblem(response, 503);
    expect(response.headers.get('retry-after')).toBe('5');
  });

  it('logs a catastrophic AppError at fatal', async () => {
    const body = await expectProblem(await fetch(`${app.url}/invariant`), 500);
    const logged = app.logs.find((line) => line.msg === 'catastrophic error');
    expect(logged).toMatchObject({ level: 'fatal', requestId: body.requestId });
  });
});
