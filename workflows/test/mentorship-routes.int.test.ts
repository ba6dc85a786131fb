import { randomUUID } from 'node:crypto';
import { issueLocalStaffToken, staffAuthConfigSchema } from '@grunderboost/auth';
import { createApp, createLogger, loadConfig, startServer } from '@grunderboost/service-kit';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { mentorshipRoutes } from '../src/bridge/mentorship-routes';
import { journeyWorker, recordingActivities } from './journey-harness';
import { startTimeSkippingEnvironment } from './time-skipping';

/** The bridge's mentorship API over a real (time-skipping) Temporal server and worker. */
let env: TestWorkflowEnvironment;
const auth = loadConfig(staffAuthConfigSchema, {});

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  env = await startTimeSkippingEnvironment();
});

afterAll(async () => {
  await env?.teardown();
});

async function withApi<T>(taskQueue: string, run: (url: string) => Promise<T>): Promise<T> {
  const app = createApp({
    service: 'journey-bridge-test',
    logger: createLogger({ service: 'journey-bridge-test', level: 'silent' }),
    routes: mentorshipRoutes(env.client, taskQueue, auth),
  });
  const server = await startServer(app, {
    port: 0,
    host: '127.0.0.1',
    logger: createLogger({ service: 'journey-bridge-test', level: 'silent' }),
    shutdownTimeoutMs: 1_000,
  });
  try {
    return await run(server.url);
  } finally {
    await server.close();
  }
}

const post = (url: string, path: string, token: string, body?: unknown) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('POST /mentorships', () => {
  it('lets a lead pair a founder with a mentor once, read it and end it early', async () => {
    const log: string[] = [];
    const { worker, taskQueue } = await journeyWorker(env, recordingActivities(log, 'c'));
    const lead = await issueLocalStaffToken(auth, { staffId: randomUUID(), roles: ['lead'] });
    const pair = { founderId: randomUUID(), applicationId: randomUUID(), mentorId: randomUUID() };
    await worker.runUntil(() =>
      withApi(taskQueue, async (url) => {
        const started = await post(url, '/mentorships', lead, pair);
        expect(started.status).toBe(201);
        expect(await started.json()).toMatchObject({ mentorId: pair.mentorId, status: 'running' });
        expect((await post(url, '/mentorships', lead, pair)).status).toBe(200);

        const ended = await post(url, `/mentorships/${pair.founderId}/end`, lead);
        expect(ended.status).toBe(202);
        const result: unknown = await env.client.workflow
          .getHandle(`Mentorship:${pair.founderId}`)
          .result();
        expect(result).toMatchObject({ status: 'ended-early' });
      }),
    );
    expect(log.at(-1)).toBe('mail:founder:mentorship-survey:0');
  });

  it('refuses analysts, bad bodies and unknown founders', async () => {
    // Nothing is started here, so no worker is needed.
    const taskQueue = 'no-worker';
    const analyst = await issueLocalStaffToken(auth, { staffId: randomUUID(), roles: ['analyst'] });
    const lead = await issueLocalStaffToken(auth, { staffId: randomUUID(), roles: ['lead'] });
    await withApi(taskQueue, async (url) => {
      const pair = { founderId: randomUUID(), applicationId: randomUUID(), mentorId: randomUUID() };
      expect((await post(url, '/mentorships', analyst, pair)).status).toBe(403);
      const bad = await post(url, '/mentorships', lead, { ...pair, mentorId: 'Ola Nordmann' });
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
      const unknown = await fetch(`${url}/mentorships/${randomUUID()}`, {
        headers: { authorization: `Bearer ${lead}` },
      });
      expect(unknown.status).toBe(404);
    });
  });
});
