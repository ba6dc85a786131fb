import { staysTrue } from '@grunderboost/testkit';
import type { RunningService } from '../src/service';
import {
  collectTopic,
  dropDatabase,
  newWorld,
  postApplication,
  startIntake,
  applicationBody,
  type TestWorld,
} from './support';

let world: TestWorld;
let service: RunningService;
const statuses: number[] = [];

beforeAll(async () => {
  world = await newWorld();
  service = await startIntake(world);
});

afterAll(async () => {
  await service?.stop();
  await dropDatabase(world);
});

interface Problem {
  title: string;
  status: number;
  errors?: Array<{ path: string; message: string; code: string }>;
}

async function expectProblem(response: Response, status: number): Promise<Problem> {
  statuses.push(response.status);
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as Problem;
}

const valid = applicationBody() as Record<string, unknown> & { contact: Record<string, unknown> };
const without = (field: keyof typeof valid) => {
  const copy: Record<string, unknown> = { ...valid };
  delete copy[field];
  return copy;
};

describe('POST /applications with bad input', () => {
  it.each([
    ['a missing field', without('focusArea'), ['focusArea']],
    ['a missing contact', without('contact'), ['contact']],
    ['a wrong enum value', { ...valid, stage: 'dreaming' }, ['stage']],
    ['an unsupported language', { ...valid, language: 'sv' }, ['language']],
    [
      'a bad organisation number',
      { ...valid, organisationNumber: '123456789' },
      ['organisationNumber'],
    ],
    [
      'a bad e-mail',
      { ...valid, contact: { ...valid.contact, email: 'not-mail' } },
      ['contact.email'],
    ],
    ['a number for a string', { ...valid, municipality: 3301 }, ['municipality']],
    ['a string for an object', { ...valid, contact: 'Kari' }, ['contact']],
    ['an unknown field', { ...valid, ssn: '01019012345' }, ['']],
    [
      'several problems',
      { ...valid, sector: 'ZZ', referralSource: 1 },
      ['sector', 'referralSource'],
    ],
    ['an array', [valid], ['']],
  ])('answers 400 with the field paths for %s', async (_case, body, paths) => {
    const problem = await expectProblem(
      await postApplication(service.url, body, { 'accept-language': 'en' }),
      400,
    );
    expect(problem.title).toBe('Some fields need your attention');
    for (const error of problem.errors ?? []) expect(error.message).not.toBe('');
    expect(problem.errors?.map((error) => error.path).sort()).toEqual([...paths].sort());
  });

  it.each([
    ['truncated JSON', '{"contact": '],
    ['a bare null (not an object or array)', 'null'],
  ])('answers 400 Malformed JSON for %s', async (_case, body) => {
    const problem = await expectProblem(await postApplication(service.url, body), 400);
    expect(problem.title).toBe('Malformed JSON');
  });

  it('answers 400 for an empty body and 415 for a body that is not application/json', async () => {
    await expectProblem(
      await fetch(`${service.url}/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
    await expectProblem(
      await fetch(`${service.url}/applications`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(valid),
      }),
      415,
    );
  });

  it('answers 400 for an Idempotency-Key with characters outside [A-Za-z0-9_-]', async () => {
    const response = await postApplication(service.url, valid, { 'idempotency-key': 'a b:c' });
    const problem = await expectProblem(response, 400);
    expect(problem.errors?.[0]?.path).toBe('["idempotency-key"]');
  });

  it('answers 405 for other methods on /applications', async () => {
    await expectProblem(await fetch(`${service.url}/applications`, { method: 'DELETE' }), 405);
  });

  it('never answered 5xx, and published nothing for the refused requests', async () => {
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    const reader = await collectTopic(world);
    try {
      await staysTrue(() => reader.received.length === 0, {
        description: 'no event on the topic',
        timeoutMs: 1_500,
      });
    } finally {
      await reader.stop();
    }
  });
});
