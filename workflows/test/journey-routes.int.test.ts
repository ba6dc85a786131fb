import { randomUUID } from 'node:crypto';
import { issueLocalStaffToken, staffAuthConfigSchema } from '@grunderboost/auth';
import { createApp, createLogger, loadConfig, startServer } from '@grunderboost/service-kit';
import {
  freePort,
  mongoUrlFor,
  startServiceProcess,
  testInfrastructure,
  uniqueDatabase,
  uniqueName,
  uniqueTaskQueue,
  waitFor,
  type ServiceProcess,
} from '@grunderboost/testkit';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { founderLinks } from '../src/bridge/bridge';
import { intakeLookup } from '../src/bridge/founder-access';
import { journeyRoutes } from '../src/bridge/journey-routes';
import { bridgeConfigSchema } from '../src/config';
import { founderJourney, journeyEvent } from '../src/workflows/founder-journey';
import { recordingActivities } from './journey-harness';
import { application } from './e2e/skeleton';

/**
 * `GET /journeys/:founderId` over the real Temporal dev server and a journey worker, with the
 * real intake service saying whose application a founder's link opens.
 */
const config = loadConfig(bridgeConfigSchema, {});
const auth = loadConfig(staffAuthConfigSchema, {});
let intake: ServiceProcess;
let connection: Connection;
let workerConnection: NativeConnection;
let client: Client;
let worker: Worker;
let running: Promise<void>;
let api: { url: string; close(): Promise<void> };
const taskQueue = uniqueTaskQueue('journey-routes');

interface Founder {
  applicationId: string;
  founderId: string;
  linkToken: string;
}

async function apply(index: number): Promise<Founder> {
  const response = await fetch(`${intake.url}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ...application(index),
      contact: { name: 'Kari Nordmann', email: `kari.${randomUUID()}@example.no` },
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Founder;
}

/** The events the bridge would forward from Kafka, signalled straight into Temporal. */
async function startJourney(founder: Founder): Promise<void> {
  const workflowId = `FounderJourney:${founder.founderId}`;
  await client.workflow.signalWithStart(founderJourney, {
    workflowId,
    taskQueue,
    args: [{ founderId: founder.founderId }],
    signal: journeyEvent,
    signalArgs: [
      {
        eventId: randomUUID(),
        kind: 'submitted',
        applicationId: founder.applicationId,
        municipality: '3301',
        focusArea: 'grunder',
        language: 'en',
        sector: 'J',
      },
    ],
  });
  await client.workflow.getHandle(workflowId).signal(journeyEvent, {
    eventId: randomUUID(),
    kind: 'triaged',
    applicationId: founder.applicationId,
    decision: 'accepted',
  });
}

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const infra = testInfrastructure();
  intake = await startServiceProcess({
    name: 'intake',
    entry: 'services/intake/src/main.ts',
    port: await freePort(),
    env: {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: uniqueName('journeyroutes'),
      MONGO_URL: mongoUrlFor(uniqueDatabase('journeyroutes_intake')),
      CREATE_RATE_LIMIT_PER_MINUTE: '0',
    },
  });
  connection = await Connection.connect({ address: infra.temporalAddress });
  workerConnection = await NativeConnection.connect({ address: infra.temporalAddress });
  client = new Client({ connection });
  worker = await Worker.create({
    connection: workerConnection,
    taskQueue,
    workflowsPath: require.resolve('../src/workflows'),
    activities: recordingActivities([], randomUUID()),
  });
  running = worker.run();
  const logger = createLogger({ service: 'journey-routes-test', level: 'silent' });
  const app = createApp({
    service: 'journey-routes-test',
    logger,
    routes: journeyRoutes({
      client,
      auth,
      links: founderLinks(config),
      intake: intakeLookup(intake.url),
    }),
  });
  api = await startServer(app, { port: 0, host: '127.0.0.1', logger, shutdownTimeoutMs: 1_000 });
}, 120_000);

afterAll(async () => {
  await api?.close();
  worker?.shutdown();
  await running;
  await connection?.close();
  await workerConnection?.close();
  await intake?.stop();
});

const get = (founderId: string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/journeys/${founderId}`, { headers });
const staffToken = (role: 'counsellor' | 'lead' | 'admin' | 'analyst') =>
  issueLocalStaffToken(auth, { staffId: randomUUID(), roles: [role] });

describe('GET /journeys/:founderId', () => {
  it('shows the founder their own journey so far: stages, times and ids, nothing personal', async () => {
    const founder = await apply(1);
    await startJourney(founder);
    const journey = await waitFor(
      async () => {
        const response = await get(founder.founderId, { 'founder-token': founder.linkToken });
        expect(response.status).toBe(200);
        const body = (await response.json()) as {
          stage: string;
          timeline: Array<{ at: string }>;
        };
        return body.stage === 'assigned' ? body : undefined;
      },
      { description: 'the journey assigned', timeoutMs: 60_000 },
    );
    expect(journey).toMatchObject({
      founderId: founder.founderId,
      applicationId: founder.applicationId,
      timeline: [
        { stage: 'submitted' },
        { stage: 'triaged', reasonCode: 'accepted' },
        { stage: 'assigned' },
      ],
    });
    expect(journey.timeline.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);
    expect(Object.keys(journey).sort()).toEqual(
      ['applicationId', 'counsellorId', 'founderId', 'stage', 'timeline'].sort(),
    );
    expect(JSON.stringify(journey)).not.toMatch(/Kari|example\.no/);

    // Counsellors, leads and admins read it with their bearer token.
    for (const role of ['counsellor', 'lead', 'admin'] as const) {
      const asStaff = await get(founder.founderId, {
        authorization: `Bearer ${await staffToken(role)}`,
      });
      expect(asStaff.status).toBe(200);
    }
  }, 90_000);

  it("refuses another founder's link, forged links, analysts and no credentials; unknown is 404", async () => {
    const mine = await apply(2);
    const other = await apply(3);
    await startJourney(mine);
    const problem = async (response: Response, status: number) => {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    };
    await problem(await get(mine.founderId, { 'founder-token': other.linkToken }), 403);
    const forged = `${mine.linkToken.slice(0, -4)}AAAA`;
    await problem(await get(mine.founderId, { 'founder-token': forged }), 401);
    await problem(await get(mine.founderId), 401);
    const analyst = `Bearer ${await staffToken('analyst')}`;
    await problem(await get(mine.founderId, { authorization: analyst }), 403);
    const lead = `Bearer ${await staffToken('lead')}`;
    await problem(await get(randomUUID(), { authorization: lead }), 404);
    await problem(await get('not-a-uuid', { authorization: lead }), 400);
    // A founder's link for a journey that does not exist yet opens nothing either.
    await problem(await get(other.founderId, { 'founder-token': other.linkToken }), 404);
  }, 60_000);
});
