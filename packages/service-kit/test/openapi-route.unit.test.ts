import type { Router } from 'express';
import { buildOpenApiDocument, openApiRoute } from '../src';
import { at } from './json-path';
import { sampleApi } from './openapi-sample';
import { exampleRoutes, postJson, startTestApp, type TestApp } from './support';

const document = buildOpenApiDocument(sampleApi());

describe('openApiRoute', () => {
  let app: TestApp;

  beforeAll(async () => {
    const mountDocument = openApiRoute(document);
    app = await startTestApp({
      routes: (router: Router) => {
        mountDocument(router);
        exampleRoutes(router);
      },
    });
  });

  afterAll(async () => {
    await app.server.close();
  });

  it('serves the document as JSON at GET /openapi.json', async () => {
    const response = await fetch(`${app.url}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(document);
  });

  it('answers other methods with 405 and Allow', async () => {
    const response = await fetch(`${app.url}/openapi.json`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('describes the problem bodies the app really sends', async () => {
    const problem = at(document, 'components', 'schemas', 'Problem');
    const fieldError = at(problem, 'properties', 'errors', 'items');
    const response = await postJson(`${app.url}/items`, { name: '' });
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(400);
    expect(Object.keys(body)).toEqual(expect.arrayContaining(problem.required as string[]));
    expect(Object.keys(at(problem, 'properties'))).toEqual(
      expect.arrayContaining(Object.keys(body)),
    );
    const errors = body.errors as Array<Record<string, unknown>>;
    expect(Object.keys(errors[0] ?? {}).sort()).toEqual((fieldError.required as string[]).sort());
  });
});
