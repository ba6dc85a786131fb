import { randomUUID } from 'node:crypto';
import {
  freePort,
  mongoUrlFor,
  startServiceProcess,
  testInfrastructure,
  uniqueDatabase,
  uniqueGroup,
  uniqueName,
  type ServiceProcess,
} from '@grunderboost/testkit';
import mongoose from 'mongoose';
import { collectionsOf, type FactDocument } from '../src/persistence/projection-store';
import { startService, type RunningService } from '../src/service';
import { staffHeader, testConfig } from './support';

/** Metrics (in-process) against the real intake, started as its own process. */
let intake: ServiceProcess;
let metrics: RunningService;
let database: mongoose.Connection;
const mongoUrl = mongoUrlFor(uniqueDatabase('metrics'));

beforeAll(async () => {
  const prefix = uniqueName('indicator');
  intake = await startServiceProcess({
    name: 'intake',
    entry: 'services/intake/src/main.ts',
    port: await freePort(),
    env: {
      KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      MONGO_URL: mongoUrlFor(uniqueDatabase('indicator_intake')),
      CREATE_RATE_LIMIT_PER_MINUTE: '0',
    },
  });
  metrics = await startService({
    // Its own topics: the facts below are written by the test, not projected from intake's events.
    ...testConfig({ mongoUrl, prefix: uniqueName('metrics'), group: uniqueGroup('metrics') }),
    INTAKE_URL: intake.url,
    INTERNASJONALE_DRAMMEN_GOAL: 10,
  });
  database = await mongoose.createConnection(mongoUrl).asPromise();
}, 120_000);

afterAll(async () => {
  await metrics?.stop();
  await intake?.stop();
  await database?.dropDatabase();
  await database?.close();
});

const consent = { granted: true, textVersion: '2026-01' };

/** Applies at the real intake and returns the founder id it gave. */
async function apply(n: number, immigrant: boolean | undefined): Promise<string> {
  const email = `indicator.${randomUUID()}@example.no`;
  const response = await fetch(`${intake.url}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      contact: { name: `Founder ${n}`, email },
      language: 'nb',
      municipality: '3301',
      idea: 'Et verksted for sykler og kaffe ved elva.',
      sector: 'S',
      focusArea: 'grunder',
      stage: 'idea',
      organisationForm: 'ENK',
      needs: ['business-plan'],
      referralSource: 'nav',
      consents: {
        processing: consent,
        statistics: consent,
        sharing: {},
        ...(immigrant === undefined ? {} : { background: consent }),
      },
      ...(immigrant === undefined ? {} : { background: { immigrantBackground: immigrant } }),
    }),
  });
  expect(response.status).toBe(201);
  const { applicationId } = (await response.json()) as { applicationId: string };
  const view = await fetch(`${intake.url}/applications/${applicationId}`, {
    headers: await staffHeader(['counsellor']),
  });
  return ((await view.json()) as { founderId: string }).founderId;
}

/** A fact as the projection keeps it, for a founder still operating after 12 months. */
const operatingFact = (founderId: string): FactDocument => ({
  _id: founderId,
  applicationId: randomUUID(),
  municipality: '3301',
  focusArea: 'grunder',
  language: 'nb',
  referralSource: 'nav',
  submittedAt: new Date(),
  statistics: true,
  background: false,
  reached: { applied: 'e0', operating12: 'e1' },
  seen: [],
});

it('counts the operating founders with consented immigrant background at the real intake', async () => {
  const founders: string[] = [];
  for (let n = 0; n < 6; n++) founders.push(await apply(n, true));
  founders.push(await apply(6, false), await apply(7, undefined));
  await database
    .collection<FactDocument>(collectionsOf(1).facts)
    .insertMany(founders.map(operatingFact));

  const response = await fetch(`${metrics.url}/indicators/internasjonale-drammen`, {
    headers: await staffHeader(['analyst']),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ founders: 6, suppressed: false, goal: 10, met: false });
}, 60_000);
