import fc from 'fast-check';
import type { RunningService } from '../src/service';
import {
  applicationBody,
  dropDatabase,
  newWorld,
  staffToken,
  startIntake,
  submit,
  type Created,
  type TestWorld,
} from './support';

/**
 * Property-based bad input: thousands of malformed, oversized, wrongly typed and odd-unicode
 * bodies, headers and ids to every endpoint. The service must answer every one with a 4xx
 * problem+json that names the bad fields (or with a success, when the input happens to be valid),
 * and never with a 5xx.
 */
let world: TestWorld;
let service: RunningService;
let created: Created;
let staff: string;

beforeAll(async () => {
  world = await newWorld();
  service = await startIntake(world);
  created = await submit(service.url);
  staff = await staffToken(['lead', 'counsellor', 'admin']);
});

afterAll(async () => {
  await service?.stop();
  await dropDatabase(world);
});

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

const oddText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    '\u202e',
    '\ud800',
    '𝕂𝕒𝕣𝕚',
    'ﷺ',
    '\u200b',
    '../../etc/passwd',
    '{"$gt":""}',
  ),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
);

const anyValue = fc.oneof(fc.anything({ maxDepth: 3 }), oddText, fc.constant(null), fc.integer());

/** A valid body with one field replaced, removed or nested wrongly. */
function mutatedBody(): fc.Arbitrary<unknown> {
  const valid = applicationBody();
  const fields = Object.keys(valid);
  return fc.oneof(
    fc
      .record({ field: fc.constantFrom(...fields), value: anyValue })
      .map(({ field, value }) => ({ ...valid, [field]: value })),
    fc.constantFrom(...fields).map((field) => {
      const copy: Record<string, unknown> = { ...valid };
      delete copy[field];
      return copy;
    }),
    fc
      .record({ field: fc.constantFrom('name', 'email', 'phone', 'extra'), value: anyValue })
      .map(({ field, value }) => ({
        ...valid,
        contact: { ...(valid.contact as object), [field]: value },
      })),
    fc
      .record({
        key: fc.constantFrom('processing', 'statistics', 'background', 'sharing', 'x'),
        value: anyValue,
      })
      .map(({ key, value }) => ({
        ...valid,
        consents: { ...(valid.consents as object), [key]: value },
      })),
    anyValue,
  );
}

const rawBody = fc.oneof(
  mutatedBody().map((body) => JSON.stringify(body) ?? 'null'),
  oddText,
  fc.constantFrom('{', '[1,', '{"contact":', '\u0000', '', 'true', '"x"'),
);

const headerValue = fc
  .string({ unit: 'grapheme-ascii', maxLength: 300 })
  .filter((v) => !/[\r\n\0]/.test(v));

interface Endpoint {
  name: string;
  method: string;
  path: () => string;
  auth: 'founder' | 'staff' | 'none';
}

const endpoints: Endpoint[] = [
  { name: 'POST /applications', method: 'POST', path: () => '/applications', auth: 'none' },
  { name: 'GET /applications', method: 'GET', path: () => '/applications', auth: 'staff' },
  {
    name: 'GET /applications/:id',
    method: 'GET',
    path: () => `/applications/${created.applicationId}`,
    auth: 'founder',
  },
  {
    name: 'PATCH /applications/:id',
    method: 'PATCH',
    path: () => `/applications/${created.applicationId}`,
    auth: 'founder',
  },
  {
    name: 'POST /applications/:id/triage',
    method: 'POST',
    path: () => `/applications/${created.applicationId}/triage`,
    auth: 'staff',
  },
  {
    name: 'PUT /applications/:id/consents',
    method: 'PUT',
    path: () => `/applications/${created.applicationId}/consents`,
    auth: 'founder',
  },
  {
    name: 'GET /applications/:id/export',
    method: 'GET',
    path: () => `/applications/${created.applicationId}/export`,
    auth: 'founder',
  },
  { name: 'GET /languages', method: 'GET', path: () => '/languages', auth: 'none' },
  {
    name: 'POST /applications/:id/withdrawal',
    method: 'POST',
    path: () => `/applications/${created.applicationId}/withdrawal`,
    auth: 'founder',
  },
  {
    name: 'POST /applications/:id/erasure',
    method: 'POST',
    path: () => `/applications/${created.applicationId}/erasure`,
    auth: 'founder',
  },
];

const request = fc.record({
  body: rawBody,
  contentType: fc.oneof(
    fc.constant('application/json'),
    fc.constant('application/json; charset=utf-8'),
    headerValue,
  ),
  acceptLanguage: fc.option(headerValue),
  idempotencyKey: fc.option(headerValue),
  credentials: fc.oneof(fc.constant('valid'), fc.constant('none'), headerValue),
  query: fc.option(
    fc.dictionary(
      fc.constantFrom(
        'status',
        'municipality',
        'limit',
        'cursor',
        'name',
        'email',
        'submittedFrom',
        'x',
      ),
      headerValue,
      { maxKeys: 3 },
    ),
  ),
  badId: fc.option(fc.string({ unit: 'grapheme', maxLength: 40 })),
});

type Sample = typeof request extends fc.Arbitrary<infer T> ? T : never;

function buildHeaders(endpoint: Endpoint, sample: Sample): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': sample.contentType };
  if (sample.acceptLanguage !== null) headers['accept-language'] = sample.acceptLanguage;
  if (sample.idempotencyKey !== null) headers['idempotency-key'] = sample.idempotencyKey;
  const valid = sample.credentials === 'valid';
  if (
    endpoint.auth === 'staff' ||
    (endpoint.auth === 'none' && !valid && sample.credentials !== 'none')
  ) {
    headers.authorization = valid ? `Bearer ${staff}` : `Bearer ${sample.credentials}`;
  }
  if (endpoint.auth === 'founder') {
    headers['founder-token'] = valid ? created.linkToken : sample.credentials;
  }
  return headers;
}

async function send(endpoint: Endpoint, sample: Sample): Promise<Response> {
  let path = endpoint.path();
  if (sample.badId !== null)
    path = path.replace(created.applicationId, encodeURIComponent(sample.badId));
  const query = sample.query === null ? '' : `?${new URLSearchParams(sample.query).toString()}`;
  const hasBody = !['GET', 'HEAD'].includes(endpoint.method);
  return fetch(`${service.url}${path}${query}`, {
    method: endpoint.method,
    headers: buildHeaders(endpoint, sample),
    ...(hasBody ? { body: sample.body } : {}),
    // A request that hangs is a failure too, reported with its input.
    signal: AbortSignal.timeout(10_000),
  });
}

describe.each(endpoints.map((e) => [e.name, e] as const))(
  '%s with random bad input',
  (_name, endpoint) => {
    it(`answers ${RUNS} random requests without a 5xx, every error as problem+json`, async () => {
      await fc.assert(
        fc.asyncProperty(request, async (sample) => {
          const response = await send(endpoint, sample);
          const text = await response.text();
          const context = `${response.status} ${text.slice(0, 300)}`;
          expect([response.status, context]).toEqual([expect.any(Number), context]);
          if (response.status >= 500) throw new Error(`5xx: ${context}`);
          if (response.status >= 400) {
            expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
            const problem = JSON.parse(text) as {
              status: number;
              title: string;
              errors?: Array<{ path: string; message: string }>;
            };
            expect(problem.status).toBe(response.status);
            expect(problem.title).not.toBe('');
            for (const error of problem.errors ?? []) {
              expect(typeof error.path).toBe('string');
              expect(error.message).not.toBe('');
            }
          }
        }),
        { numRuns: RUNS },
      );
    });
  },
);
