import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { RunningService } from '../src/service';
import {
  applicationBody,
  call,
  dropDatabase,
  newWorld,
  staffToken,
  startIntake,
  submit,
  type Created,
  type TestWorld,
} from './support';

let world: TestWorld;
let service: RunningService;
let analyst: Record<string, string>;

beforeAll(async () => {
  world = await newWorld();
  service = await startIntake(world);
  analyst = { authorization: `Bearer ${await staffToken(['analyst'])}` };
});

afterAll(async () => {
  await service?.stop();
  await dropDatabase(world);
});

const granted = { granted: true, textVersion: '2026-01' };

/** A new founder (own e-mail); with consented background data when `immigrant` is given. */
async function founder(immigrant?: boolean): Promise<Created & { founderId: string }> {
  const base = applicationBody();
  const consents = base.consents as Record<string, unknown>;
  const created = await submit(
    service.url,
    immigrant === undefined
      ? {}
      : {
          background: { immigrantBackground: immigrant },
          consents: { ...consents, background: granted },
        },
  );
  const view = await call(service.url, 'GET', `/applications/${created.applicationId}`, {
    headers: { authorization: `Bearer ${await staffToken(['counsellor'])}` },
  });
  return { ...created, founderId: view.body.founderId as string };
}

const count = (founderIds: string[], headers = analyst) =>
  call(service.url, 'POST', '/statistics/background-count', {
    body: { founderIds },
    headers,
  });

describe('POST /statistics/background-count', () => {
  it('counts founders with consented immigrant background, suppressed below 5', async () => {
    const matching = [];
    for (let i = 0; i < 6; i++) matching.push(await founder(true));
    const others = [await founder(false), await founder(), await founder()];
    const ids = (list: Array<{ founderId: string }>) => list.map((f) => f.founderId);

    const four = await count([...ids(matching.slice(0, 4)), ...ids(others), randomUUID()]);
    expect(four).toMatchObject({ status: 200, body: { count: null, suppressed: true } });

    const six = await count([...ids(matching), ...ids(others)]);
    expect(six).toMatchObject({ status: 200, body: { count: 6 } });
    expect(six.body).not.toHaveProperty('suppressed');

    // Withdrawn background consent: the data is gone and the founder no longer counts.
    const [withdrawing] = matching;
    const withdrawn = await call(
      service.url,
      'PUT',
      `/applications/${withdrawing!.applicationId}/consents?token=${withdrawing!.linkToken}`,
      { body: { consent: 'background', granted: false, textVersion: '2026-01' } },
    );
    expect(withdrawn.status).toBe(200);
    expect(await count([...ids(matching), ...ids(others)])).toMatchObject({
      body: { count: 5 },
    });

    // An erased founder does not count either.
    const erasing = matching[1]!;
    const erased = await call(
      service.url,
      'POST',
      `/applications/${erasing.applicationId}/erasure?token=${erasing.linkToken}`,
    );
    expect(erased.status).toBe(202);
    expect(await count([...ids(matching), ...ids(others)])).toMatchObject({
      body: { count: null, suppressed: true },
    });
  });

  it('writes every call to the audit log with the number of ids, never the ids', async () => {
    const asked = [randomUUID(), randomUUID()];
    const staffId = randomUUID();
    const headers = { authorization: `Bearer ${await staffToken(['admin'], staffId)}` };
    expect((await count(asked, headers)).status).toBe(200);
    const connection = await mongoose.createConnection(world.mongoUrl).asPromise();
    try {
      const records = await connection.collection('audit_log').find({ staffId }).toArray();
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ action: 'background-statistics', founderCount: 2 });
      expect(JSON.stringify(records)).not.toContain(asked[0]);
    } finally {
      await connection.close();
    }
  });

  it('is refused to counsellors and to requests without a token', async () => {
    const counsellor = { authorization: `Bearer ${await staffToken(['counsellor'])}` };
    expect((await count([randomUUID()], counsellor)).status).toBe(403);
    expect((await count([randomUUID()], {})).status).toBe(401);
  });

  it.each([
    ['no ids', { founderIds: [] }],
    ['a non-uuid', { founderIds: ['abc'] }],
    ['an unknown field', { founderIds: [randomUUID()], extra: true }],
    ['no body', undefined],
  ])('answers %s with 400 problem+json', async (_name, body) => {
    const response = await call(service.url, 'POST', '/statistics/background-count', {
      ...(body === undefined ? {} : { body }),
      headers: analyst,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
