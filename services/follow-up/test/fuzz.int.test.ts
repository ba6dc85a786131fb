import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { RunningService } from '../src/service';
import { organisationNumber, startFakeRegister, type FakeRegister } from './fake-register';
import {
  call,
  dropDatabase,
  newWorld,
  staffToken,
  startFollowUp,
  surveyAnswers,
  type Opened,
  type TestWorld,
} from './support';

/**
 * Property-based bad input: malformed, oversized, wrongly typed and odd-unicode bodies, headers,
 * queries and ids to every endpoint. Every answer must be a success (when the input happens to be
 * valid) or a 4xx problem+json, never a 5xx.
 */
let world: TestWorld;
let register: FakeRegister;
let service: RunningService;
let opened: Opened;
let staff: string;

beforeAll(async () => {
  world = await newWorld();
  register = await startFakeRegister(); // answers 404 to every number
  service = await startFollowUp(world, { BRREG_BASE_URL: register.baseUrl });
  staff = await staffToken(['lead', 'counsellor', 'admin']);
  const response = await call<Opened>(service.url, 'POST', '/follow-ups', {
    body: { founderId: randomUUID(), monthsAfterRegistration: 3, registeredOn: '2026-01-15' },
    headers: { authorization: `Bearer ${staff}` },
  });
  opened = response.body;
});

afterAll(async () => {
  await service?.stop();
  await register?.close();
  await dropDatabase(world);
});

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

const oddText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', '\u202e', '\ud800', '𝕂𝕒𝕣𝕚', '../../etc/passwd', '{"$gt":""}', '1e400'),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
);

const anyValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  oddText,
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-0, Number.MAX_VALUE, 1e-9, 2.005),
);

/** A valid body with one field replaced or removed, or something else entirely. */
function mutated(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const fields = [...Object.keys(valid), 'extra'];
  return fc.oneof(
    fc
      .record({ field: fc.constantFrom(...fields), value: anyValue })
      .map(({ field, value }) => ({ ...valid, [field]: value })),
    fc.constantFrom(...fields).map((field) => {
      const copy = { ...valid };
      delete copy[field];
      return copy;
    }),
    anyValue,
  );
}

const headerValue = fc
  .string({ unit: 'grapheme-ascii', maxLength: 300 })
  .filter((v) => !/[\r\n\0]/.test(v));

interface Endpoint {
  name: string;
  method: string;
  path: () => string;
  /** The id in the path that badId replaces. */
  id?: () => string;
  auth: 'founder' | 'staff' | 'none';
  valid?: () => Record<string, unknown>;
}

const endpoints: Endpoint[] = [
  {
    name: 'POST /follow-ups',
    method: 'POST',
    path: () => '/follow-ups',
    auth: 'staff',
    valid: () => ({
      founderId: randomUUID(),
      monthsAfterRegistration: 6,
      registeredOn: '2026-01-15',
    }),
  },
  { name: 'GET /follow-ups', method: 'GET', path: () => '/follow-ups', auth: 'staff' },
  {
    name: 'GET /follow-ups/:id',
    method: 'GET',
    path: () => `/follow-ups/${opened.followUpId}`,
    id: () => opened.followUpId,
    auth: 'founder',
  },
  {
    name: 'POST /follow-ups/:id/answers',
    method: 'POST',
    path: () => `/follow-ups/${opened.followUpId}/answers`,
    id: () => opened.followUpId,
    auth: 'founder',
    valid: () => surveyAnswers,
  },
  {
    name: 'POST /verifications',
    method: 'POST',
    path: () => '/verifications',
    auth: 'staff',
    valid: () => ({ founderId: randomUUID(), organisationNumber: organisationNumber(94000001) }),
  },
  {
    name: 'GET /verifications/:founderId',
    method: 'GET',
    path: () => `/verifications/${opened.founderId}`,
    id: () => opened.founderId,
    auth: 'staff',
  },
  { name: 'GET /openapi.json', method: 'GET', path: () => '/openapi.json', auth: 'none' },
];

function request(endpoint: Endpoint) {
  const valid = endpoint.valid?.() ?? {};
  return fc.record({
    body: fc.oneof(
      mutated(valid).map((body) => JSON.stringify(body) ?? 'null'),
      oddText,
      fc.constantFrom('{', '[1,', '\u0000', '', 'true', '"x"'),
    ),
    contentType: fc.oneof(fc.constant('application/json'), headerValue),
    credentials: fc.oneof(fc.constant('valid'), fc.constant('none'), headerValue),
    query: fc.option(
      fc.dictionary(
        fc.constantFrom('founderId', 'status', 'overdue', 'limit', 'cursor', 'token', 'x'),
        fc.oneof(headerValue, fc.constantFrom('true', 'overdue', '0', '101', '-1', 'NaN')),
        { maxKeys: 3 },
      ),
    ),
    badId: fc.option(fc.string({ unit: 'grapheme', maxLength: 40 })),
  });
}

type Sample = ReturnType<typeof request> extends fc.Arbitrary<infer T> ? T : never;

function headersOf(endpoint: Endpoint, sample: Sample): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': sample.contentType };
  const valid = sample.credentials === 'valid';
  if (endpoint.auth === 'staff' && sample.credentials !== 'none') {
    headers.authorization = valid ? `Bearer ${staff}` : `Bearer ${sample.credentials}`;
  }
  if (endpoint.auth === 'founder' && sample.credentials !== 'none') {
    headers['founder-token'] = valid ? opened.linkToken : sample.credentials;
  }
  return headers;
}

async function send(endpoint: Endpoint, sample: Sample): Promise<Response> {
  let path = endpoint.path();
  const id = endpoint.id?.();
  if (sample.badId !== null && id !== undefined) {
    path = path.replace(id, encodeURIComponent(sample.badId));
  }
  const query = sample.query === null ? '' : `?${new URLSearchParams(sample.query).toString()}`;
  return fetch(`${service.url}${path}${query}`, {
    method: endpoint.method,
    headers: headersOf(endpoint, sample),
    ...(endpoint.method === 'GET' ? {} : { body: sample.body }),
    signal: AbortSignal.timeout(10_000),
  });
}

describe.each(endpoints.map((e) => [e.name, e] as const))(
  '%s with random bad input',
  (_n, endpoint) => {
    it(`answers ${RUNS} random requests without a 5xx, every error as problem+json`, async () => {
      const seen = new Set<number>();
      await fc.assert(
        fc.asyncProperty(request(endpoint), async (sample) => {
          const response = await send(endpoint, sample);
          seen.add(response.status);
          const text = await response.text();
          const context = `${response.status} ${text.slice(0, 300)}`;
          if (response.status >= 500) throw new Error(`5xx: ${context}`);
          if (response.status >= 400) {
            expect([response.headers.get('content-type'), context]).toEqual([
              expect.stringMatching(/^application\/problem\+json/),
              context,
            ]);
            const problem = JSON.parse(text) as { status: number; title: string };
            expect(problem.status).toBe(response.status);
            expect(problem.title).not.toBe('');
          }
        }),
        { numRuns: RUNS },
      );
      // The input reached validation, not just the authentication in front of it.
      if (endpoint.valid !== undefined) expect([...seen]).toContain(400);
    });
  },
);
