import type { AnyEvent } from '@grunderboost/contracts';
import { createProducer } from '@grunderboost/messaging';
import {
  mongoUrlFor,
  staysTrue,
  uniqueDatabase,
  uniqueGroup,
  uniqueName,
  waitFor,
} from '@grunderboost/testkit';
import mongoose from 'mongoose';
import { startService, type RunningService } from '../src/service';
import * as build from './builders';
import { publish, staffHeader, testConfig, testKafka } from './support';

const kafka = testKafka();
const producer = createProducer(kafka);
const prefix = uniqueName('metrics-figures');
const mongoUrl = mongoUrlFor(uniqueDatabase('metrics_figures'));
let service: RunningService;
let url = '';
let analyst: Record<string, string>;

/** Six founders in Drammen through the first session, two in Lier, one without consent. */
function history(): AnyEvent[] {
  const events: AnyEvent[] = [];
  for (let n = 0; n < 6; n++) {
    const founder = build.newFounder();
    events.push(
      build.submitted(founder, { municipality: '3301' }),
      build.triaged(founder),
      build.assigned(founder),
      build.completed(founder, '2026-01-20T09:00:00.000Z'),
      build.outcome(founder, { months: 3, fte: 1.5, at: '2026-04-15T00:00:00.000Z' }),
    );
  }
  for (let n = 0; n < 2; n++) {
    const founder = build.newFounder();
    events.push(build.submitted(founder, { municipality: '3312' }), build.assigned(founder));
  }
  const private_ = build.newFounder();
  events.push(build.submitted(private_, { municipality: '3301', statistics: false }));
  return events;
}

interface Row {
  period: string;
  value: string;
  figures: Record<string, { value: number | null; suppressed: boolean }>;
}

async function funnel(query: string): Promise<Row[]> {
  const response = await fetch(`${url}/metrics/funnel?${query}`, { headers: analyst });
  expect(response.status).toBe(200);
  return ((await response.json()) as { rows: Row[] }).rows;
}

async function settled(): Promise<boolean> {
  const quarter = (await funnel('period=quarter'))[0]?.figures;
  const response = await fetch(`${url}/metrics/outcomes?period=quarter&from=2026K2`, {
    headers: analyst,
  });
  const outcomes = ((await response.json()) as { rows: Row[] }).rows[0]?.figures;
  return (
    quarter?.applied?.value === 9 &&
    quarter.assigned?.value === 8 &&
    quarter.accepted?.value === 6 &&
    quarter.firstSession?.value === 6 &&
    outcomes?.jobsCreatedFte?.value === 9
  );
}

beforeAll(async () => {
  analyst = await staffHeader(['analyst']);
  await producer.connect();
  service = await startService(
    testConfig({ mongoUrl, prefix, group: uniqueGroup('metrics-figures') }),
  );
  url = service.url;
});

afterAll(async () => {
  await service.stop();
  await producer.disconnect();
  const connection = await mongoose.createConnection(mongoUrl).asPromise();
  await connection.dropDatabase();
  await connection.close();
});

jest.setTimeout(240_000);

describe('figures', () => {
  const events = history();

  it('projects the funnel by municipality and suppresses the small cells', async () => {
    await publish(producer, prefix, events);
    // Each topic is consumed on its own: wait for the last figure of each.
    await waitFor(settled, { description: 'every event projected', timeoutMs: 120_000 });
    const all = (await funnel('period=quarter'))[0];
    expect(all?.period).toBe('2026K1');
    expect(all?.figures).toMatchObject({
      applied: { value: 9, suppressed: false },
      accepted: { value: 6, suppressed: false },
      assigned: { value: 8, suppressed: false },
      firstSession: { value: 6, suppressed: false },
      daysToFirstSession: { value: 10, suppressed: false },
      companyRegistered: { value: null, suppressed: true },
    });
    const byMunicipality = await funnel('by=municipality');
    // The founder without consent to statistics is in the total only.
    expect(byMunicipality.map((row) => [row.value, row.figures.applied])).toEqual([
      ['3301', { value: 6, suppressed: false }],
      ['3312', { value: null, suppressed: true }],
    ]);
  });

  it('changes nothing when every event is delivered again', async () => {
    await publish(producer, prefix, events);
    await staysTrue(
      async () =>
        (await settled()) && (await funnel('municipality=3301'))[0]?.figures.assigned?.value === 6,
      { description: 'the figures to stay', timeoutMs: 3_000 },
    );
  });

  it('gives the same figures as CSV, suppressed cells empty and marked', async () => {
    const response = await fetch(`${url}/metrics/funnel?by=municipality&format=csv`, {
      headers: analyst,
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^period,dimension,value,applied,appliedSuppressed,accepted,/);
    expect(lines[1]).toMatch(/^2026-01,municipality,3301,6,false,6,false,/);
    expect(lines[2]).toMatch(/^2026-01,municipality,3312,,true,,true,/);
    const byAccept = await fetch(`${url}/metrics/outcomes`, {
      headers: { ...analyst, accept: 'text/csv' },
    });
    expect(await byAccept.text()).toMatch(/^period,dimension,value,sessionsDelivered,/);
  });

  it('lets only staff who read figures in', async () => {
    expect((await fetch(`${url}/metrics/funnel`)).status).toBe(401);
    const counsellor = await staffHeader(['counsellor']);
    expect((await fetch(`${url}/metrics/funnel`, { headers: counsellor })).status).toBe(403);
  });

  it('imports public statistics and reports Næringsvekst with the helped founders’ jobs', async () => {
    const post = (kind: string, body: string) =>
      fetch(`${url}/statistics/${kind}`, {
        method: 'POST',
        headers: { ...analyst, 'content-type': 'text/csv' },
        body,
      });
    const population = 'municipality,quarter,population\n3301,2026K1,100000\n3301,2026K2,100400\n';
    const jobs = 'municipality,quarter,jobs\n3301,2026K1,50000\n3301,2026K2,50150\n';
    expect(await (await post('population', population)).json()).toEqual({
      kind: 'population',
      imported: 2,
    });
    expect((await post('jobs', jobs)).status).toBe(200);
    const response = await fetch(
      `${url}/indicators/naeringsvekst?from=2026K1&to=2026K2&municipality=3301`,
      { headers: analyst },
    );
    // 150 new jobs / 400 new inhabitants = 0.375 < 0.5; six founders reported 1.5 FTE each.
    expect(await response.json()).toMatchObject({
      newInhabitants: 400,
      newJobs: 150,
      jobsPerNewInhabitant: 0.375,
      met: false,
      jobsFromHelpedFounders: { value: 9, suppressed: false },
    });
  });

  it('refuses bad statistics with the lines at fault, and an unknown span with what is missing', async () => {
    const response = await fetch(`${url}/statistics/jobs`, {
      method: 'POST',
      headers: { ...analyst, 'content-type': 'text/csv' },
      body: 'municipality,quarter,jobs\n3301,2026K3,12\n33O1,2026K3,x\n',
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: Array<{ line: number }> };
    expect(problem.errors.map((error) => error.line)).toEqual([3]);
    const missing = await fetch(
      `${url}/indicators/naeringsvekst?from=2020K1&to=2026K2&municipality=3301`,
      {
        headers: analyst,
      },
    );
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({
      missing: ['population 3301 2020K1', 'jobs 3301 2020K1'],
    });
  });
});
