import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DEFAULT_COUNSELLOR_IDS } from '../src/config';
import type { RunningService } from '../src/service';
import {
  call,
  counsellorProfile,
  dropDatabase,
  founderLink,
  newWorld,
  staffToken,
  startCounselling,
  testClock,
  type Credentials,
  type TestWorld,
} from './support';

/*
 * Bad input on every endpoint: malformed and mutated bodies, odd path parameters and query
 * strings. Whatever arrives, the answer is never a 5xx, and every error is problem+json.
 */

let world: TestWorld;
let service: RunningService;
let lead: Credentials;
let founder: Credentials;
let founderId: string;
let appointmentId: string;
const seen: number[] = [];

beforeAll(async () => {
  world = await newWorld();
  service = await startCounselling(world, {}, { clock: testClock('2026-03-02T06:00:00Z') });
  lead = { staff: await staffToken('lead-fuzz', ['lead']) };
  founderId = randomUUID();
  const applicationId = randomUUID();
  await call(service.url, 'POST', '/assignments', { body: { founderId, applicationId } });
  founder = { founder: founderLink(applicationId) };
  const booked = await call<{ appointmentId: string }>(
    service.url,
    'POST',
    `/cases/${founderId}/appointments`,
    {
      as: founder,
      body: { kind: 'follow-up', mode: 'video', startsAt: '2026-03-03T10:00:00+01:00' },
    },
  );
  expect(booked.status).toBe(201);
  appointmentId = booked.body.appointmentId;
}, 30_000);

afterAll(async () => {
  await service?.stop();
  await dropDatabase(world);
});

const [C1, C2] = DEFAULT_COUNSELLOR_IDS as [string, string];

/** Every endpoint with a valid body to mutate (undefined: the endpoint takes no body). */
const endpoints = (): Array<[string, string, Record<string, unknown> | undefined]> => [
  [
    'POST',
    '/assignments',
    { founderId: randomUUID(), applicationId: randomUUID(), language: 'nb', sector: 'J' },
  ],
  ['GET', `/assignments/FOUNDER`, undefined],
  ['GET', '/me', undefined],
  ['GET', `/cases/FOUNDER`, undefined],
  ['GET', '/caseload', undefined],
  ['GET', '/caseloads', undefined],
  ['GET', '/counsellors', undefined],
  ['POST', '/counsellors', { counsellorId: randomUUID(), ...counsellorProfile() }],
  ['GET', `/counsellors/${C1}`, undefined],
  ['PUT', `/counsellors/${C2}`, counsellorProfile()],
  ['POST', `/counsellors/${C2}/leave`, { from: '2026-01-01', to: '2026-01-02' }],
  ['GET', `/counsellors/${C1}/calendar-link`, undefined],
  ['GET', `/counsellors/${C1}/calendar.ics?key=abc`, undefined],
  ['GET', `/cases/FOUNDER/slots?from=2026-03-02&to=2026-03-03`, undefined],
  ['GET', `/cases/FOUNDER/appointments`, undefined],
  [
    'POST',
    `/cases/FOUNDER/appointments`,
    { kind: 'follow-up', mode: 'video', startsAt: '2026-03-04T10:00:00+01:00' },
  ],
  ['GET', `/appointments/APPOINTMENT`, undefined],
  ['POST', `/appointments/APPOINTMENT/reschedule`, { startsAt: '2026-03-05T10:00:00+01:00' }],
  ['POST', `/appointments/APPOINTMENT/cancel`, { reasonCode: 'illness' }],
  ['POST', `/appointments/APPOINTMENT/confirm`, {}],
  ['POST', `/appointments/APPOINTMENT/complete`, { notes: 'n', milestones: [] }],
  ['POST', `/appointments/APPOINTMENT/no-show`, {}],
  ['POST', `/cases/FOUNDER/reassign`, { counsellorId: C2, note: 'x' }],
  ['POST', `/cases/FOUNDER/close`, { reasonCode: 'withdrawn' }],
];

/** The table is built before the fixtures exist; their ids go in at request time. */
const withIds = (path: string) =>
  path.replace('FOUNDER', founderId).replace('APPOINTMENT', appointmentId);

async function expectNoServerError(
  method: string,
  template: string,
  body: unknown,
  as: Credentials,
) {
  const path = withIds(template);
  const reply = await call(service.url, method, path, { as, body });
  seen.push(reply.status);
  if (reply.status >= 500)
    throw new Error(`${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
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
      `${method} ${path.replace(/[0-9a-f-]{36}|FOUNDER|APPOINTMENT/g, ':id')}`,
      method,
      path,
      body,
    ]),
  )(
    '%s never answers 5xx',
    async (_name, method, path, valid) => {
      const bodies = valid === undefined ? fc.constant(undefined) : badBody(valid);
      const who = fc.constantFrom<Credentials>(lead, founder, undefined);
      await fc.assert(
        fc.asyncProperty(bodies, who, async (body, as) =>
          expectNoServerError(method, path, body, as),
        ),
        { numRuns: 15 },
      );
    },
    60_000,
  );

  it('never answers 5xx to odd path parameters and query strings', async () => {
    const odd = fc.oneof(
      fc.string(),
      fc.constantFrom('..', '%', '%zz', ' ', '0', 'null', '__proto__'),
    );
    await fc.assert(
      fc.asyncProperty(
        odd,
        odd,
        fc.constantFrom(...endpoints()),
        async (segment, query, [method, path]) => {
          const template = path.split('?')[0] ?? path;
          const mangled = template.replace(/[0-9a-f-]{36}/, encodeURIComponent(segment));
          await expectNoServerError(
            method,
            `${mangled}?from=${encodeURIComponent(query)}&kind=${encodeURIComponent(query)}`,
            undefined,
            lead,
          );
        },
      ),
      { numRuns: 120 },
    );
  }, 60_000);

  it('answered bad input with 4xx problems, not with success', () => {
    expect(seen.filter((status) => status >= 500)).toEqual([]);
    expect(seen.filter((status) => status >= 400).length).toBeGreaterThan(seen.length / 2);
  });
});
