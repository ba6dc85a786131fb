import { randomUUID } from 'node:crypto';
import { parseEvent } from '@grunderboost/contracts';
import { waitFor } from '@grunderboost/testkit';
import type { RunningService } from '../src/service';
import {
  call,
  collectTopic,
  counsellorProfile,
  dropDatabase,
  founderLink,
  newWorld,
  staffToken,
  startCounselling,
  testClock,
  type TestWorld,
} from './support';

const [ANNE, BO, CECILIE] = [
  'aaaaaaaa-0000-4000-8000-000000000001',
  'aaaaaaaa-0000-4000-8000-000000000002',
  'aaaaaaaa-0000-4000-8000-000000000003',
];
const clock = testClock('2026-06-01T06:00:00Z');
let world: TestWorld;
let service: RunningService;
let reader: Awaited<ReturnType<typeof collectTopic>>;
const as = { lead: { staff: '' }, anne: { staff: '' }, bo: { staff: '' }, analyst: { staff: '' } };

beforeAll(async () => {
  world = await newWorld();
  service = await startCounselling(world, { COUNSELLOR_IDS: ANNE }, { clock });
  reader = await collectTopic(world);
  as.lead.staff = await staffToken('lead-1', ['lead']);
  as.anne.staff = await staffToken(ANNE, ['counsellor']);
  as.bo.staff = await staffToken(BO, ['counsellor']);
  as.analyst.staff = await staffToken('analyst-1', ['analyst']);
  // The lead sets up the team: Anne (seeded) speaks Arabic too; Bo and Cecilie are added.
  const anne = counsellorProfile({ name: 'Anne', languages: ['nb', 'ar'], capacity: 10 });
  expect(
    (await call(service.url, 'PUT', `/counsellors/${ANNE}`, { as: as.lead, body: anne })).status,
  ).toBe(200);
  for (const [counsellorId, name] of [
    [BO, 'Bo'],
    [CECILIE, 'Cecilie'],
  ]) {
    const body = {
      counsellorId,
      ...counsellorProfile({ name, capacity: 10, sectors: name === 'Bo' ? ['J'] : [] }),
    };
    expect((await call(service.url, 'POST', '/counsellors', { as: as.lead, body })).status).toBe(
      201,
    );
  }
});

afterAll(async () => {
  await reader?.stop();
  await service?.stop();
  await dropDatabase(world);
});

interface Assigned {
  founderId: string;
  counsellorId: string;
  reasonCode: string;
  reason: string;
}

async function assign(extra: Record<string, string> = {}) {
  const founderId = randomUUID();
  const applicationId = randomUUID();
  const reply = await call<Assigned>(service.url, 'POST', '/assignments', {
    body: { founderId, applicationId, ...extra },
  });
  expect(reply.status).toBe(201);
  return { ...reply.body, link: { founder: founderLink(applicationId) } };
}

describe('assignment, rebalancing and access', () => {
  it('assigns by language, then sector, and stores the reason in words', async () => {
    const arabic = await assign({ language: 'ar' });
    expect(arabic).toMatchObject({ counsellorId: ANNE, reasonCode: 'language-match' });
    expect(arabic.reason).toContain("Speaks Arabic, the founder's language.");
    const software = await assign({ language: 'nb', sector: 'J' });
    expect(software).toMatchObject({ counsellorId: BO, reasonCode: 'language-and-sector-match' });
  });

  it("moves a counsellor's cases to colleagues when a lead records leave, and assigns them no more", async () => {
    const annes: string[] = [];
    for (let i = 0; i < 3; i++) annes.push((await assign({ language: 'ar' })).founderId);
    const leave = await call<{
      reassigned: Array<{ founderId: string; counsellorId: string; reason: string }>;
    }>(service.url, 'POST', `/counsellors/${ANNE}/leave`, {
      as: as.lead,
      body: { from: '2026-06-01', to: '2026-06-30' },
    });
    expect(leave.status).toBe(200);
    expect(leave.body.reassigned.map((r) => r.founderId).sort()).toEqual(
      expect.arrayContaining(annes.sort()),
    );
    expect(new Set(leave.body.reassigned.map((r) => r.counsellorId))).toEqual(
      new Set([BO, CECILIE]),
    );
    expect(leave.body.reassigned[0]?.reason).toMatch(
      /^Anne is on leave 2026-06-01 to 2026-06-30\./,
    );

    const anneNow = await call<{ cases: unknown[] }>(service.url, 'GET', '/caseload', {
      as: as.anne,
    });
    expect(anneNow.body.cases).toEqual([]);
    expect((await assign({ language: 'ar' })).counsellorId).not.toBe(ANNE);

    const team = await call<{
      counsellors: Array<{ counsellorId: string; awayToday: boolean; openCases: number }>;
    }>(service.url, 'GET', '/caseloads', { as: as.lead });
    expect(team.body.counsellors.find((c) => c.counsellorId === ANNE)).toMatchObject({
      awayToday: true,
      openCases: 0,
    });

    await waitFor(
      () =>
        annes.every((founderId) =>
          reader.received.some(
            (m) => m.key === founderId && m.value.includes('CounsellorReassigned'),
          ),
        ),
      { description: 'a CounsellorReassigned event per moved founder' },
    );
    const moved = reader.received.find(
      (m) => m.key === annes[0] && m.value.includes('CounsellorReassigned'),
    );
    const parsed = parseEvent(JSON.parse(moved?.value ?? '{}'));
    expect(parsed.ok && parsed.event.data).toMatchObject({
      fromCounsellorId: ANNE,
      reasonCode: 'rebalanced-leave',
    });
  });

  it('lets a lead override the choice, and closes a case with an event', async () => {
    const founder = await assign();
    const moved = await call<Assigned>(
      service.url,
      'POST',
      `/cases/${founder.founderId}/reassign`,
      {
        as: as.lead,
        body: {
          counsellorId: CECILIE === founder.counsellorId ? BO : CECILIE,
          note: 'Knows the market',
        },
      },
    );
    expect(moved.body).toMatchObject({ reasonCode: 'manual' });
    expect(moved.body.reason).toContain("Lead's note: Knows the market");
    const denied = await call(service.url, 'POST', `/cases/${founder.founderId}/reassign`, {
      as: as.bo,
      body: {},
    });
    expect(denied.status).toBe(403);
    const owner = { staff: await staffToken(moved.body.counsellorId, ['counsellor']) };
    const closed = await call(service.url, 'POST', `/cases/${founder.founderId}/close`, {
      as: owner,
      body: { reasonCode: 'company-running' },
    });
    expect(closed.body).toMatchObject({ status: 'closed', closeReasonCode: 'company-running' });
    await waitFor(
      () =>
        reader.received.some(
          (m) => m.key === founder.founderId && m.value.includes('CaseClosed.v1'),
        ),
      {
        description: 'CaseClosed on Kafka',
      },
    );
  });

  it('shows a counsellor only their own caseload, a lead everything, a founder only their own case', async () => {
    const bosFounder = await assign({ language: 'nb', sector: 'J' });
    const other = await assign({ language: 'nb', sector: 'J' });
    const get = (path: string, who?: { staff: string } | { founder: string }) =>
      call(service.url, 'GET', path, who === undefined ? {} : { as: who });

    expect((await get('/caseload', as.bo)).body).toMatchObject({ counsellorId: BO });
    expect((await get(`/caseload?counsellorId=${BO}`, as.anne)).status).toBe(403);
    expect((await get(`/caseload?counsellorId=${BO}`, as.lead)).status).toBe(200);
    expect((await get('/caseloads', as.bo)).status).toBe(403);
    expect((await get('/caseloads', as.analyst)).status).toBe(403);
    expect((await get(`/cases/${bosFounder.founderId}`, as.anne)).status).toBe(404);
    expect((await get(`/cases/${bosFounder.founderId}`, as.bo)).status).toBe(200);
    expect((await get(`/cases/${bosFounder.founderId}`, bosFounder.link)).status).toBe(200);
    expect((await get(`/cases/${bosFounder.founderId}`, other.link)).status).toBe(404);
    expect((await get(`/cases/${bosFounder.founderId}`)).status).toBe(401);
    expect(
      (await get(`/cases/${bosFounder.founderId}`, { founder: 'forged.link.token' })).status,
    ).toBe(401);
    expect((await get('/me', bosFounder.link)).body).toMatchObject({
      founderId: bosFounder.founderId,
    });
    const create = await call(service.url, 'POST', '/counsellors', {
      as: as.bo,
      body: { counsellorId: randomUUID(), ...counsellorProfile() },
    });
    expect(create.status).toBe(403);
  });
});
