import type { Router } from 'express';
import { startTestApp, type TestApp } from './support';

/** Echoes what the body parser made of the request. */
function echoRoutes(router: Router): void {
  router.post('/import', (req, res) => {
    res.status(200).json({ type: typeof req.body, body: req.body as unknown });
  });
}

describe('text bodies', () => {
  let withCsv: TestApp;
  let jsonOnly: TestApp;

  beforeAll(async () => {
    withCsv = await startTestApp({ routes: echoRoutes, textBodyTypes: ['text/csv'] });
    jsonOnly = await startTestApp({ routes: echoRoutes });
  });

  afterAll(async () => {
    await withCsv.server.close();
    await jsonOnly.server.close();
  });

  const post = (app: TestApp, type: string, body: string) =>
    fetch(`${app.url}/import`, { method: 'POST', headers: { 'content-type': type }, body });

  it('hands a body of a listed text type to the route as a string', async () => {
    const response = await post(withCsv, 'text/csv; charset=utf-8', 'a,b\n1,2\n');
    expect(await response.json()).toEqual({ type: 'string', body: 'a,b\n1,2\n' });
    const json = await post(withCsv, 'application/json', '{"a":1}');
    expect(await json.json()).toEqual({ type: 'object', body: { a: 1 } });
  });

  it('still refuses other types with 415 naming what is accepted', async () => {
    const response = await post(withCsv, 'text/plain', 'a,b');
    expect(response.status).toBe(415);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/text\/csv/);
    expect((await post(jsonOnly, 'text/csv', 'a,b')).status).toBe(415);
  });
});
