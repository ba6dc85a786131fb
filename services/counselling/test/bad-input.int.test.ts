import { randomUUID } from 'node:crypto';
import { counsellingOpenApi } from '../src/http/api-description';
import type { RunningService } from '../src/service';
import {
  dropDatabase,
  newWorld,
  postAssignment,
  startCounselling,
  type TestWorld,
} from './support';

let world: TestWorld;
let service: RunningService;
const statuses: number[] = [];

beforeAll(async () => {
  world = await newWorld();
  service = await startCounselling(world);
});

afterAll(async () => {
  await service?.stop();
  await dropDatabase(world);
});

interface Problem {
  title: string;
  errors?: Array<{ path: string }>;
}

async function expectProblem(response: Response, status: number): Promise<Problem> {
  statuses.push(response.status);
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as Problem;
}

const founderId = randomUUID();
const applicationId = randomUUID();

describe('counselling with bad input', () => {
  it.each([
    ['a missing founderId', { applicationId }, ['founderId']],
    ['a founderId that is no uuid', { founderId: 'kari', applicationId }, ['founderId']],
    ['numbers for uuids', { founderId: 1, applicationId: 2 }, ['applicationId', 'founderId']],
    ['an unknown field', { founderId, applicationId, counsellorId: founderId }, ['']],
    ['an array', [{ founderId, applicationId }], ['']],
  ])('answers 400 with the field paths for %s', async (_case, body, paths) => {
    const problem = await expectProblem(await postAssignment(service.url, body), 400);
    expect(problem.title).toBe('Validation failed');
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(paths);
  });

  it('answers 400 Malformed JSON for a body that is not JSON', async () => {
    const problem = await expectProblem(await postAssignment(service.url, '{"founderId"'), 400);
    expect(problem.title).toBe('Malformed JSON');
  });

  it('answers 400 for a founder id in the path that is no uuid', async () => {
    const problem = await expectProblem(await fetch(`${service.url}/assignments/kari`), 400);
    expect(problem.errors?.[0]?.path).toBe('founderId');
  });

  it('answers 415 for a body that is not JSON by its content type, 405 for other methods', async () => {
    const text = await fetch(`${service.url}/assignments`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'founderId',
    });
    await expectProblem(text, 415);
    await expectProblem(await fetch(`${service.url}/assignments`, { method: 'GET' }), 405);
  });

  it('serves its OpenAPI document at /openapi.json', async () => {
    const response = await fetch(`${service.url}/openapi.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(counsellingOpenApi())));
  });

  it('never answered 5xx', () => {
    expect(statuses.length).toBeGreaterThan(8);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });
});
