import { randomUUID } from 'node:crypto';
import type { RunningService } from '../src/service';
import {
  call,
  dropDatabase,
  founderLink,
  newWorld,
  staffToken,
  startCounselling,
  testClock,
  type TestWorld,
} from './support';

const COUNSELLOR = '44444444-4444-4444-8444-444444444444';
let world: TestWorld;
let service: RunningService;

beforeAll(async () => {
  world = await newWorld();
  // One counsellor, so every founder books from the same calendar. Monday 2 March 2026, 07:00.
  service = await startCounselling(
    world,
    { COUNSELLOR_IDS: COUNSELLOR },
    { clock: testClock('2026-03-02T06:00:00Z') },
  );
});

afterAll(async () => {
  await service?.stop();
  await dropDatabase(world);
});

/** Founders assigned to the counsellor, each with their own link. */
async function founders(count: number) {
  const list: Array<{ founderId: string; link: string }> = [];
  for (let i = 0; i < count; i++) {
    const founderId = randomUUID();
    const applicationId = randomUUID();
    const assigned = await call(service.url, 'POST', '/assignments', {
      body: { founderId, applicationId },
    });
    expect(assigned.status).toBe(201);
    list.push({ founderId, link: founderLink(applicationId) });
  }
  return list;
}

const book = (founder: { founderId: string; link: string }, kind: string, startsAt: string) =>
  call(service.url, 'POST', `/cases/${founder.founderId}/appointments`, {
    as: { founder: founder.link },
    body: { kind, mode: 'video', startsAt },
  });

async function feedEvents(): Promise<string[]> {
  const lead = await staffToken('lead-1', ['lead']);
  const link = await call<{ path: string }>(
    service.url,
    'GET',
    `/counsellors/${COUNSELLOR}/calendar-link`,
    { as: { staff: lead } },
  );
  const feed = await call<string>(service.url, 'GET', link.body.path);
  return feed.body.split('\r\n').filter((line) => line.startsWith('DTSTART:'));
}

describe('booking one slot concurrently', () => {
  it('leaves exactly one booking of 50 concurrent attempts at one slot', async () => {
    const team = await founders(50);
    const replies = await Promise.all(
      team.map((founder) => book(founder, 'follow-up', '2026-03-02T09:00:00+01:00')),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    expect(await feedEvents()).toEqual(['DTSTART:20260302T080000Z']);

    const winner = team[statuses.indexOf(201)];
    const slots = await call<{ slots: Array<{ startsAt: string }> }>(
      service.url,
      'GET',
      `/cases/${winner?.founderId}/slots?from=2026-03-02&to=2026-03-02&kind=follow-up`,
      { as: { founder: winner?.link ?? '' } },
    );
    // 09:00–09:45 plus 15 minutes' buffer: the next start offered is 10:00 local.
    expect(slots.body.slots.slice(0, 1)).toEqual([
      { startsAt: '2026-03-02T09:00:00.000Z', endsAt: '2026-03-02T09:45:00.000Z' },
    ]);
  });

  it('never lets overlapping bookings of different lengths both succeed, buffers included', async () => {
    const team = await founders(30);
    // 10:00–11:00, 10:30–11:15 and 11:00–11:45 local all overlap: the first with its buffer.
    const attempts = team.map((founder, i) => {
      const [kind, startsAt] = [
        ['first-meeting', '2026-03-03T10:00:00+01:00'],
        ['follow-up', '2026-03-03T10:30:00+01:00'],
        ['follow-up', '2026-03-03T11:00:00+01:00'],
      ][i % 3] as [string, string];
      return book(founder, kind, startsAt);
    });
    const statuses = (await Promise.all(attempts)).map((reply) => reply.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status !== 201 && status !== 409)).toEqual([]);
    expect((await feedEvents()).filter((line) => line.includes('20260303'))).toHaveLength(1);
  });
});
