import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mongoUrlFor, uniqueDatabase, uniqueGroup, uniqueName } from '@grunderboost/testkit';
import mongoose from 'mongoose';
import { collectionsOf, type FactDocument } from '../src/persistence/projection-store';
import { startService, type RunningService } from '../src/service';
import { staffHeader, testConfig } from './support';

const mongoUrl = mongoUrlFor(uniqueDatabase('metrics'));
let database: mongoose.Connection;
let intake: Server;
let intakeUrl: string;
/** What the fake intake was asked, and what it answers next. */
const asked: string[][] = [];
let answer: { status: number; body: unknown } = { status: 200, body: { count: 6 } };
const services: RunningService[] = [];

/** A fake of intake's port (our own API): records the ids, answers as told. */
beforeAll(async () => {
  intake = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      asked.push((JSON.parse(text) as { founderIds: string[] }).founderIds);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => intake.listen(0, '127.0.0.1', resolve));
  intakeUrl = `http://127.0.0.1:${(intake.address() as AddressInfo).port}`;
  database = await mongoose.createConnection(mongoUrl).asPromise();
});

afterAll(async () => {
  for (const service of services) await service.stop();
  await new Promise((resolve) => intake.close(resolve));
  await database?.dropDatabase();
  await database?.close();
});

async function start(url: string): Promise<RunningService> {
  const config = {
    ...testConfig({ mongoUrl, prefix: uniqueName('metrics'), group: uniqueGroup('metrics') }),
    INTAKE_URL: url,
    INTAKE_TIMEOUT_MS: 1000,
    INTERNASJONALE_DRAMMEN_GOAL: 5,
  };
  const service = await startService(config);
  services.push(service);
  return service;
}

const fact = (
  reached: FactDocument['reached'],
  fte?: { value: number; months: number },
): FactDocument => ({
  _id: randomUUID(),
  applicationId: randomUUID(),
  municipality: '3301',
  focusArea: 'grunder',
  language: 'nb',
  referralSource: 'nav',
  submittedAt: new Date(),
  statistics: true,
  background: false,
  reached: { applied: 'e0', ...reached },
  seen: [],
  ...(fte === undefined ? {} : { fte }),
});

describe('GET /indicators/internasjonale-drammen', () => {
  const operating = [
    fact({ operating12: 'a' }),
    fact({ operating36: 'b' }),
    fact({ operating12: 'c', operating36: 'd' }),
    fact({}, { value: 2, months: 12 }),
    fact({ companyRegistered: 'e' }, { value: 0.5, months: 36 }),
  ];
  const others = [fact({}), fact({ companyRegistered: 'f' }), fact({}, { value: 0, months: 12 })];

  beforeAll(async () => {
    await database
      .collection<FactDocument>(collectionsOf(1).facts)
      .insertMany([...operating, ...others]);
  });

  it('asks intake about the operating or employed founders and compares with the goal', async () => {
    const service = await start(intakeUrl);
    answer = { status: 200, body: { count: 5 } };
    const response = await fetch(`${service.url}/indicators/internasjonale-drammen`, {
      headers: await staffHeader(['lead']),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ founders: 5, suppressed: false, goal: 5, met: true });
    expect(asked.at(-1)?.sort()).toEqual(operating.map((f) => f._id).sort());

    answer = { status: 200, body: { count: null, suppressed: true } };
    const csv = await fetch(`${service.url}/indicators/internasjonale-drammen?format=csv`, {
      headers: await staffHeader(['analyst']),
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).trim().split(/\r?\n/)).toEqual([
      'founders,suppressed,goal,met',
      ',true,5,',
    ]);
  });

  it('answers 503 with Retry-After when intake fails or is unreachable', async () => {
    answer = { status: 500, body: {} };
    const failing = await start(intakeUrl);
    const closed = await start('http://127.0.0.1:1');
    for (const service of [failing, closed]) {
      const response = await fetch(`${service.url}/indicators/internasjonale-drammen`, {
        headers: await staffHeader(['admin']),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('30');
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('is refused to counsellors', async () => {
    const service = services[0]!;
    const response = await fetch(`${service.url}/indicators/internasjonale-drammen`, {
      headers: await staffHeader(['counsellor']),
    });
    expect(response.status).toBe(403);
  });
});
