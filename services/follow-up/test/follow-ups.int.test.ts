import { randomUUID } from 'node:crypto';
import { followUpOpenApi } from '../src/http/api-description';
import type { RunningService } from '../src/service';
import {
  bearer,
  call,
  collectTopic,
  dropDatabase,
  newWorld,
  staffToken,
  startFollowUp,
  surveyAnswers,
  type Opened,
  type TestWorld,
} from './support';

let world: TestWorld;
let service: RunningService;
let outcomes: Awaited<ReturnType<typeof collectTopic>>;
let worker: Record<string, string>;

beforeAll(async () => {
  world = await newWorld();
  service = await startFollowUp(world, { OVERDUE_AFTER_DAYS: '30' });
  outcomes = await collectTopic(world, world.outcomes);
  worker = bearer(await staffToken(['counsellor']));
});

afterAll(async () => {
  await outcomes?.stop();
  await service?.stop();
  await dropDatabase(world);
});

const open = (founderId: string, months: number, registeredOn: string) =>
  call<Opened>(service.url, 'POST', '/follow-ups', {
    body: { founderId, monthsAfterRegistration: months, registeredOn },
    headers: worker,
  });

const recently = () => new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);

describe('opening a follow-up', () => {
  it('is idempotent per founder and milestone, and returns a survey link each time', async () => {
    const founderId = randomUUID();
    const first = await open(founderId, 3, '2026-01-31');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      founderId,
      monthsAfterRegistration: 3,
      dueAt: '2026-04-30T00:00:00.000Z',
    });
    expect(first.body.surveyLink).toContain(`/follow-ups/${first.body.followUpId}?token=`);

    const retry = await open(founderId, 3, '2026-01-31');
    expect(retry.status).toBe(200);
    expect(retry.body.followUpId).toBe(first.body.followUpId);

    const other = await open(founderId, 6, '2026-01-31');
    expect(other.body.followUpId).not.toBe(first.body.followUpId);
  });

  it('opens once when the journey races itself', async () => {
    const founderId = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => open(founderId, 12, '2026-02-01')),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.followUpId)).size).toBe(1);
  });

  it('refuses the same milestone with another registration date', async () => {
    const founderId = randomUUID();
    await open(founderId, 24, '2026-01-01');
    const clash = await open(founderId, 24, '2026-02-01');
    expect(clash.status).toBe(409);
    expect(clash.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('needs a staff token with a case role', async () => {
    const body = {
      founderId: randomUUID(),
      monthsAfterRegistration: 3,
      registeredOn: '2026-01-01',
    };
    expect((await call(service.url, 'POST', '/follow-ups', { body })).status).toBe(401);
    const analyst = bearer(await staffToken(['analyst']));
    expect(
      (await call(service.url, 'POST', '/follow-ups', { body, headers: analyst })).status,
    ).toBe(403);
  });
});

describe("the founder's survey", () => {
  it('is answered once through the link and reported on Kafka without personal data', async () => {
    const founderId = randomUUID();
    const { body: opened } = await open(founderId, 6, recently());
    const token = { 'founder-token': opened.linkToken };

    const seen = await call(service.url, 'GET', `/follow-ups/${opened.followUpId}`, {
      headers: token,
    });
    expect(seen.status).toBe(200);
    expect(seen.body.status).toBe('open');

    const answered = await call(service.url, 'POST', `/follow-ups/${opened.followUpId}/answers`, {
      body: surveyAnswers,
      headers: token,
    });
    expect(answered.status).toBe(201);
    expect(answered.body).toMatchObject({ status: 'answered', answers: surveyAnswers });

    const again = await call(service.url, 'POST', `/follow-ups/${opened.followUpId}/answers`, {
      body: surveyAnswers,
      headers: token,
    });
    expect(again.status).toBe(409);

    const message = await outcomes.waitFor(
      (r) => r.event.type === 'followup.OutcomeReported.v1' && r.key === founderId,
      'OutcomeReported of the founder',
    );
    expect(message.event.data).toEqual({
      followUpId: opened.followUpId,
      founderId,
      monthsAfterRegistration: 6,
      stillOperating: true,
      employeesFte: 1.5,
      revenueBand: 'under-1m',
      hiresFromUnemployment: 1,
      fundingObtained: true,
      fundingSources: ['nav-etablering', 'innovation-norway-etablerertilskudd'],
      reportedAt: expect.any(String) as unknown,
    });
    expect(message.raw).not.toMatch(/token|Nordmann|@/i);
  });

  it("refuses another follow-up's link, a bad link, and staff answering for the founder", async () => {
    const founderId = randomUUID();
    const { body: a } = await open(founderId, 3, recently());
    const { body: b } = await open(founderId, 6, recently());
    const path = `/follow-ups/${a.followUpId}/answers`;
    const wrong = await call(service.url, 'POST', path, {
      body: surveyAnswers,
      headers: { 'founder-token': b.linkToken },
    });
    expect(wrong.status).toBe(403);
    const forged = await call(service.url, 'POST', `${path}?token=${a.linkToken}x`, {
      body: surveyAnswers,
    });
    expect(forged.status).toBe(401);
    const staff = await call(service.url, 'POST', path, { body: surveyAnswers, headers: worker });
    expect(staff.status).toBe(401);
  });

  it('takes exactly one of many concurrent answers and reports it once', async () => {
    const founderId = randomUUID();
    const { body: opened } = await open(founderId, 36, recently());
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        call(service.url, 'POST', `/follow-ups/${opened.followUpId}/answers`, {
          body: { ...surveyAnswers, hiresFromUnemployment: n },
          headers: { 'founder-token': opened.linkToken },
        }),
      ),
    );
    expect(attempts.map((a) => a.status).sort()).toEqual([201, ...Array<number>(9).fill(409)]);
    const winner = attempts.find((a) => a.status === 201)?.body.answers as {
      hiresFromUnemployment: number;
    };
    const stored = await call(service.url, 'GET', `/follow-ups/${opened.followUpId}`, {
      headers: worker,
    });
    expect(stored.body.answers).toMatchObject({
      hiresFromUnemployment: winner.hiresFromUnemployment,
    });
    await outcomes.waitFor((r) => r.key === founderId, 'the outcome of the concurrent answers');
    // Every other event of the relay's pass has arrived too by the time a later one does.
    const { body: later } = await open(founderId, 24, recently());
    await call(service.url, 'POST', `/follow-ups/${later.followUpId}/answers`, {
      body: surveyAnswers,
      headers: { 'founder-token': later.linkToken },
    });
    await outcomes.waitFor(
      (r) => r.key === founderId && r.event.data.followUpId === later.followUpId,
      'the later outcome',
    );
    const reported = outcomes.received.filter((r) => r.event.data.followUpId === opened.followUpId);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.event.data.hiresFromUnemployment).toBe(winner.hiresFromUnemployment);
  });

  it('names the bad fields of a malformed answer', async () => {
    const { body: opened } = await open(randomUUID(), 3, recently());
    const bad = await call<{ errors: Array<{ path: string }> }>(
      service.url,
      'POST',
      `/follow-ups/${opened.followUpId}/answers`,
      {
        body: { ...surveyAnswers, employeesFte: -2, fundingObtained: ['lottery'] },
        headers: { 'founder-token': opened.linkToken },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['employeesFte', 'fundingObtained[0]']),
    );
  });
});

describe('overdue follow-ups', () => {
  it('are listed for staff: open and unanswered 30 days after due, oldest first, by page', async () => {
    const founderId = randomUUID();
    const { body: late } = await open(founderId, 3, '2020-01-10'); // due 2020-04-10
    const { body: later } = await open(founderId, 6, '2020-01-10'); // due 2020-07-10
    const { body: answered } = await open(founderId, 12, '2020-01-10');
    await call(service.url, 'POST', `/follow-ups/${answered.followUpId}/answers`, {
      body: surveyAnswers,
      headers: { 'founder-token': answered.linkToken },
    });
    const { body: fresh } = await open(founderId, 24, recently()); // due in the future

    type Page = { items: Array<{ followUpId: string; status: string }>; nextCursor: string | null };
    const first = await call<Page>(service.url, 'GET', `/follow-ups?overdue=true&limit=1`, {
      headers: worker,
    });
    expect(first.status).toBe(200);
    expect(first.body.items.map((i) => i.followUpId)).toEqual([late.followUpId]);
    expect(first.body.items[0]?.status).toBe('overdue');
    const next = await call<Page>(
      service.url,
      'GET',
      `/follow-ups?status=overdue&limit=1&cursor=${first.body.nextCursor}`,
      { headers: worker },
    );
    expect(next.body.items.map((i) => i.followUpId)).toEqual([later.followUpId]);

    const ofFounder = await call<Page>(
      service.url,
      'GET',
      `/follow-ups?founderId=${founderId}&overdue=true`,
      { headers: worker },
    );
    expect(ofFounder.body.items.map((i) => i.followUpId)).toEqual([
      late.followUpId,
      later.followUpId,
    ]);
    const open24 = await call<Page>(
      service.url,
      'GET',
      `/follow-ups?founderId=${founderId}&status=open`,
      {
        headers: worker,
      },
    );
    expect(open24.body.items.map((i) => i.followUpId)).toEqual([fresh.followUpId]);
  });

  it('refuse a cursor they never handed out with a field error like any other 400', async () => {
    const response = await call<{ errors: unknown[] }>(
      service.url,
      'GET',
      `/follow-ups?cursor=${'0'.repeat(40)}`,
      { headers: worker },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: 'cursor', message: 'unknown cursor', code: 'custom' },
    ]);
  });

  it('are not for the founder or analysts to list', async () => {
    const analyst = bearer(await staffToken(['analyst']));
    expect((await call(service.url, 'GET', '/follow-ups', { headers: analyst })).status).toBe(403);
    expect((await call(service.url, 'GET', '/follow-ups')).status).toBe(401);
  });
});

it('serves its OpenAPI document at /openapi.json', async () => {
  const served = await call(service.url, 'GET', '/openapi.json');
  expect(served.status).toBe(200);
  expect(served.body).toEqual(followUpOpenApi());
});
