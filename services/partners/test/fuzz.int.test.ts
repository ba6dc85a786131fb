import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { RunningService } from '../src/service';
import {
  adminToken,
  apiKeyOf,
  call,
  endWorld,
  newWorld,
  startPartners,
  type TestWorld,
} from './support';

/*
 * Bad input on every endpoint: malformed and mutated bodies, odd path parameters and query
 * strings, any of the credentials. Whatever arrives, never a 5xx, and errors are problem+json.
 */

let world: TestWorld;
let service: RunningService;
let admin: string;
let partnerKey: string;
let subscriptionId: string;
const seen: number[] = [];

beforeAll(async () => {
  world = await newWorld();
  service = await startPartners(world);
  admin = await adminToken();
  partnerKey = await apiKeyOf(service.url, 'drammen-kommune');
  const created = await call<{ subscriptionId: string }>(service.url, 'POST', '/subscriptions', {
    auth: partnerKey,
    body: { eventTypes: ['followup.OutcomeReported.v1'] },
  });
  subscriptionId = created.body.subscriptionId;
});

afterAll(() => endWorld(world, service));

const SUB = 'SUBSCRIPTION';

const endpoints = (): Array<[string, string, Record<string, unknown> | undefined]> => [
  ['GET', '/partners', undefined],
  ['POST', '/partners', { partnerId: `p-${Date.now()}`, name: 'X', category: 'nav' }],
  ['GET', '/partners/nav', undefined],
  [
    'PUT',
    '/partners/usn/agreement',
    { agreement: [{ eventType: 'counselling.MilestoneReached.v1', fields: ['milestone'] }] },
  ],
  ['GET', '/partners/nav/keys', undefined],
  ['POST', '/partners/nav/keys', { graceSeconds: 60 }],
  ['DELETE', `/partners/nav/keys/${randomUUID()}`, undefined],
  ['GET', '/subscriptions', undefined],
  [
    'POST',
    '/subscriptions',
    { eventTypes: ['followup.OutcomeReported.v1'], filters: { referralSource: ['nav'] } },
  ],
  ['GET', `/subscriptions/${SUB}`, undefined],
  ['DELETE', `/subscriptions/${randomUUID()}`, undefined],
  ['POST', `/subscriptions/${SUB}/webhook`, { url: 'http://127.0.0.1:9/hooks' }],
  ['POST', '/replays', { since: '2026-01-01T00:00:00Z' }],
  ['GET', '/deliveries?limit=5', undefined],
];

async function expectNoServerError(method: string, template: string, body: unknown, auth?: string) {
  const path = template.replace(SUB, subscriptionId);
  const reply = await call(service.url, method, path, { auth, body });
  seen.push(reply.status);
  if (reply.status >= 500) {
    throw new Error(`${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
  if (reply.status >= 400 && !reply.contentType.startsWith('application/problem+json')) {
    throw new Error(`${method} ${path} answered ${reply.status} as ${reply.contentType}`);
  }
}

/** A valid body with one member replaced or removed, or something else entirely. */
const badBody = (valid: Record<string, unknown>) =>
  fc.oneof(
    fc.jsonValue(),
    fc
      .record({ key: fc.constantFrom(...Object.keys(valid), 'extra'), value: fc.jsonValue() })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc
      .constantFrom('extra', ...Object.keys(valid))
      .map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
  );

describe('bad input on every endpoint', () => {
  it.each(
    endpoints().map(([method, path, body]) => [
      `${method} ${path.replace(/[0-9a-f-]{36}|SUBSCRIPTION/g, ':id')}`,
      method,
      path,
      body,
    ]),
  )(
    '%s never answers 5xx',
    async (_name, method, path, valid) => {
      const bodies = valid === undefined ? fc.constant(undefined) : badBody(valid);
      const who = fc.constantFrom<string | undefined>(admin, partnerKey, undefined, 'garbage');
      await fc.assert(
        fc.asyncProperty(bodies, who, (body, auth) =>
          expectNoServerError(method, path, body, auth),
        ),
        { numRuns: 15 },
      );
    },
    60_000,
  );

  it('never answers 5xx to odd path parameters and query strings', async () => {
    const odd = fc.oneof(
      fc.string(),
      fc.constantFrom('..', '%', '%zz', ' ', '0', 'null', '__proto__', 'x'.repeat(300)),
    );
    await fc.assert(
      fc.asyncProperty(
        odd,
        odd,
        fc.constantFrom(...endpoints()),
        fc.constantFrom(admin, partnerKey),
        async (segment, query, [method, path], auth) => {
          const template = (path.split('?')[0] ?? path).replace(SUB, subscriptionId);
          const mangled = template
            .replace(/[0-9a-f-]{36}/, encodeURIComponent(segment))
            .replace(/\/(nav|usn)(\/|$)/, `/${encodeURIComponent(segment)}$2`);
          const q = encodeURIComponent(query);
          await expectNoServerError(method, `${mangled}?after=${q}&limit=${q}`, undefined, auth);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('answered bad input with 4xx problems, not with success', () => {
    expect(seen.filter((status) => status >= 500)).toEqual([]);
    expect(seen.filter((status) => status >= 400).length).toBeGreaterThan(seen.length / 2);
  });
});
