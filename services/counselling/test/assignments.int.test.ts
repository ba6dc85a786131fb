import { randomUUID } from 'node:crypto';
import { parseEvent } from '@grunderboost/contracts';
import { staysTrue, waitFor } from '@grunderboost/testkit';
import { DEFAULT_COUNSELLOR_IDS } from '../src/config';
import type { RunningService } from '../src/service';
import {
  collectTopic,
  dropDatabase,
  newWorld,
  postAssignment,
  startCounselling,
  type AssignmentBody,
  type TestWorld,
} from './support';

interface Running {
  world: TestWorld;
  service: RunningService;
  reader: Awaited<ReturnType<typeof collectTopic>>;
}

/** Each test gets a fresh service and database, so the counsellors' loads start at zero. */
async function start(): Promise<Running> {
  const world = await newWorld();
  const service = await startCounselling(world);
  const reader = await collectTopic(world);
  return { world, service, reader };
}

async function stop(running: Running | undefined): Promise<void> {
  if (running === undefined) return;
  await running.reader.stop();
  await running.service.stop();
  await dropDatabase(running.world);
}

let running: Running | undefined;
afterEach(async () => {
  await stop(running);
  running = undefined;
});

const eventsOf = (founderId: string) =>
  (running?.reader.received ?? []).filter((message) => message.key === founderId);

describe('POST /assignments', () => {
  it('makes one assignment and one CounsellorAssigned event for 10 concurrent requests of a founder', async () => {
    running = await start();
    const founderId = randomUUID();
    const applicationId = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        postAssignment(running!.service.url, { founderId, applicationId }),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as AssignmentBody[];
    expect(new Set(bodies.map((body) => body.assignmentId)).size).toBe(1);
    expect(bodies[0]).toMatchObject({ founderId, reasonCode: 'lowest-load' });

    await waitFor(() => eventsOf(founderId).length >= 1, { description: 'the assignment event' });
    await staysTrue(() => eventsOf(founderId).length === 1, {
      description: 'exactly one CounsellorAssigned event',
      timeoutMs: 1_500,
    });
    const parsed = parseEvent(JSON.parse(eventsOf(founderId)[0]?.value ?? '{}'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.event.type).toBe('counselling.CounsellorAssigned.v1');
    expect(parsed.event.source).toBe('/services/counselling');
    expect(parsed.event.data).toMatchObject({
      assignmentId: bodies[0]?.assignmentId,
      founderId,
      applicationId,
      counsellorId: bodies[0]?.counsellorId,
      reasonCode: 'lowest-load',
    });
  });

  it('spreads 9 founders over the 3 counsellors, 3 each, and GET returns each assignment', async () => {
    running = await start();
    const perCounsellor = new Map<string, number>();
    const founders: string[] = [];
    for (let index = 0; index < 9; index++) {
      const founderId = randomUUID();
      founders.push(founderId);
      const response = await postAssignment(running.service.url, {
        founderId,
        applicationId: randomUUID(),
      });
      expect(response.status).toBe(201);
      const { counsellorId } = (await response.json()) as AssignmentBody;
      perCounsellor.set(counsellorId, (perCounsellor.get(counsellorId) ?? 0) + 1);
    }
    expect(Object.fromEntries(perCounsellor)).toEqual(
      Object.fromEntries(DEFAULT_COUNSELLOR_IDS.map((id) => [id, 3])),
    );

    for (const founderId of founders) {
      const response = await fetch(`${running.service.url}/assignments/${founderId}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ founderId, reasonCode: 'lowest-load' });
    }
    await waitFor(() => running!.reader.received.length >= 9, { description: '9 events' });
    expect(new Set(running.reader.received.map((message) => message.key))).toEqual(
      new Set(founders),
    );
  });
});

describe('GET /assignments/:founderId', () => {
  it('answers 404 for a founder without an assignment', async () => {
    running = await start();
    const response = await fetch(`${running.service.url}/assignments/${randomUUID()}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
