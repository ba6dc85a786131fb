import { parseEvent } from '@grunderboost/contracts';
import { staysTrue, waitFor } from '@grunderboost/testkit';
import type { RunningService } from '../src/service';
import {
  collectTopic,
  dropDatabase,
  newWorld,
  postApplication,
  startIntake,
  validApplication,
  type TestWorld,
} from './support';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Created {
  applicationId: string;
  founderId: string;
  status: string;
}

let world: TestWorld;
let service: RunningService;
let reader: Awaited<ReturnType<typeof collectTopic>>;

beforeAll(async () => {
  world = await newWorld();
  service = await startIntake(world);
  reader = await collectTopic(world);
});

afterAll(async () => {
  await reader?.stop();
  await service?.stop();
  await dropDatabase(world);
});

const messagesOf = (applicationId: string) =>
  reader.received.filter((message) => message.value.includes(applicationId));

describe('POST /applications', () => {
  it('stores the application and publishes ApplicationSubmitted once, keyed by founder, without contact data', async () => {
    const response = await postApplication(service.url, validApplication());
    expect(response.status).toBe(201);
    const body = (await response.json()) as Created;
    expect(Object.keys(body).sort()).toEqual(['applicationId', 'founderId', 'status']);
    expect(body.applicationId).toMatch(UUID);
    expect(body.founderId).toMatch(UUID);
    expect(body.founderId).not.toBe(body.applicationId);
    expect(body.status).toBe('submitted');
    expect(response.headers.get('location')).toBe(`/applications/${body.applicationId}`);

    await expectExactlyOneEvent(body.applicationId);
    const [message] = messagesOf(body.applicationId);
    expect(message?.key).toBe(body.founderId);
    const parsed = parseEvent(JSON.parse(message?.value ?? '{}'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.event.type).toBe('intake.ApplicationSubmitted.v1');
    expect(parsed.event.source).toBe('/services/intake');
    expect(parsed.event.data).toMatchObject({
      applicationId: body.applicationId,
      founderId: body.founderId,
      municipality: '3301',
      focusArea: 'grunder',
      sector: 'J',
      stage: 'idea',
      language: 'nb',
      referralSource: 'nav',
    });
    const raw = JSON.stringify(message);
    for (const personal of ['kari.nordmann@example.no', 'Kari Nordmann', '912 34 567']) {
      expect(raw).not.toContain(personal);
    }
  });

  it('answers a retry with the same Idempotency-Key with the same application, and publishes once', async () => {
    const key = `retry-${Date.now()}`;
    const first = await postApplication(service.url, validApplication(), {
      'idempotency-key': key,
    });
    expect(first.status).toBe(201);
    const created = (await first.json()) as Created;

    // Sequential and concurrent retries alike: the unique index on the key decides.
    const retries = await Promise.all(
      Array.from({ length: 5 }, () =>
        postApplication(service.url, validApplication(), { 'idempotency-key': key }),
      ),
    );
    for (const retry of retries) {
      expect(retry.status).toBe(200);
      expect(await retry.json()).toEqual(created);
    }
    await expectExactlyOneEvent(created.applicationId);
  });

  it('stores only one application when first requests with one key race each other', async () => {
    const key = `race-${Date.now()}`;
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        postApplication(service.url, validApplication(), { 'idempotency-key': key }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Created[];
    expect(new Set(bodies.map((body) => body.applicationId)).size).toBe(1);
    await expectExactlyOneEvent(bodies[0]?.applicationId ?? '');
  });
});

/** Waits for the application's event, then checks that no second copy follows. */
async function expectExactlyOneEvent(applicationId: string): Promise<void> {
  await waitFor(() => messagesOf(applicationId).length >= 1, {
    description: `the event of application ${applicationId}`,
  });
  await staysTrue(() => messagesOf(applicationId).length === 1, {
    description: `exactly one event of application ${applicationId}`,
    timeoutMs: 1_500,
  });
}

describe('GET /applications/:id', () => {
  it('returns the codes of a stored application but no contact data', async () => {
    const created = (await (
      await postApplication(service.url, validApplication())
    ).json()) as Created;
    const response = await fetch(`${service.url}/applications/${created.applicationId}`);
    expect(response.status).toBe(200);
    const view = (await response.json()) as Record<string, unknown>;
    expect(view).toEqual({
      ...created,
      municipality: '3301',
      focusArea: 'grunder',
      sector: 'J',
      stage: 'idea',
      language: 'nb',
      referralSource: 'nav',
      createdAt: view.createdAt,
    });
    expect(view.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(JSON.stringify(view)).not.toMatch(/kari|contact|email/i);
  });

  it('answers 404 for an unknown id and 400 for an id that is no uuid', async () => {
    const unknown = await fetch(`${service.url}/applications/${crypto.randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const malformed = await fetch(`${service.url}/applications/not-a-uuid`);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errors: Array<{ path: string }> }).errors).toEqual([
      expect.objectContaining({ path: 'id' }),
    ]);
  });
});
