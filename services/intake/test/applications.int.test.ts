import { parseEvent } from '@grunderboost/contracts';
import { staysTrue, waitFor } from '@grunderboost/testkit';
import { createdSchema, founderViewSchema, staffViewSchema } from '../src/http/response-schemas';
import type { RunningService } from '../src/service';
import {
  applicationBody,
  call,
  collectTopic,
  dropDatabase,
  newWorld,
  postApplication,
  staffToken,
  startIntake,
  submit,
  type Created,
  type TestWorld,
} from './support';

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

/** Waits for the application's events, then checks that no extra copy follows. */
async function expectEvents(applicationId: string, count: number): Promise<void> {
  await waitFor(() => messagesOf(applicationId).length >= count, {
    description: `${count} events of application ${applicationId}`,
  });
  await staysTrue(() => messagesOf(applicationId).length === count, {
    description: `exactly ${count} events of application ${applicationId}`,
    timeoutMs: 1_500,
  });
}

describe('POST /applications', () => {
  it('stores the application, answers with the status link, and publishes ApplicationSubmitted once without personal data', async () => {
    const body = applicationBody({ organisationNumber: '923609016' });
    const response = await postApplication(service.url, body, { 'accept-language': 'en' });
    expect(response.status).toBe(201);
    const created = createdSchema.parse(await response.json());
    expect(created).toMatchObject({ status: 'submitted', language: 'en', editable: true });
    expect(created.statusText).toBe('Received, waiting for a counsellor to look at it');
    expect(created.statusLink).toBe(
      `http://127.0.0.1:3001/applications/${created.applicationId}?token=${created.linkToken}`,
    );
    expect(response.headers.get('location')).toBe(`/applications/${created.applicationId}`);

    await expectEvents(created.applicationId, 1);
    const [message] = messagesOf(created.applicationId);
    const parsed = parseEvent(JSON.parse(message?.value ?? '{}'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.event.type).toBe('intake.ApplicationSubmitted.v1');
    expect(message?.key).toBe(parsed.event.subject);
    expect(parsed.event.data).toMatchObject({
      applicationId: created.applicationId,
      municipality: '3301',
      organisationForm: 'ENK',
      needs: ['business-plan', 'financing'],
      hasOrganisationNumber: true,
      consents: { statistics: true, sharing: ['nav'] },
    });
    const contact = body.contact as { name: string; email: string; phone: string };
    for (const personal of [contact.email, contact.name, contact.phone, '923609016', 'sykkel']) {
      expect(message?.value).not.toContain(personal);
    }
  });

  it('answers retries with the same Idempotency-Key with the same application, also when they race', async () => {
    const key = `race-${Date.now()}`;
    const body = applicationBody();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        postApplication(service.url, body, { 'idempotency-key': key }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Created[];
    expect(new Set(bodies.map((b) => b.applicationId)).size).toBe(1);
    await expectEvents(bodies[0]?.applicationId ?? '', 1);
  });

  it('refuses an Idempotency-Key reused for a different application', async () => {
    const key = `reuse-${Date.now()}`;
    expect(
      (await postApplication(service.url, applicationBody(), { 'idempotency-key': key })).status,
    ).toBe(201);
    const other = await call(service.url, 'POST', '/applications', {
      body: applicationBody(),
      headers: { 'idempotency-key': key, 'accept-language': 'en' },
    });
    expect(other.status).toBe(422);
    expect(other.body.title).toBe('Idempotency-Key already used');
  });

  it('refuses an application without consent to processing, in the language asked for', async () => {
    const body = applicationBody();
    (body.consents as Record<string, unknown>).processing = {
      granted: false,
      textVersion: '2026-01',
    };
    const response = await call(service.url, 'POST', '/applications', {
      body,
      headers: { 'accept-language': 'nb-NO' },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('content-language')).toBe('nb');
    expect(response.body.title).toBe('Samtykke trengs');
  });

  it('limits how many applications one client may create per minute', async () => {
    const limited = await startIntake(world, { CREATE_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await postApplication(limited.url, applicationBody())).status);
      }
      expect(statuses).toEqual([201, 201, 429]);
      const refused = await call(limited.url, 'POST', '/applications', {
        body: applicationBody(),
        headers: { 'accept-language': 'en' },
      });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body.title).toBe('Too many requests');
    } finally {
      await limited.stop();
    }
  });
});

describe('GET /applications/:id', () => {
  it("opens the founder's own application through their link, in their language", async () => {
    const created = await submit(service.url, { language: 'en' });
    const viaQuery = await call(
      service.url,
      'GET',
      `/applications/${created.applicationId}?token=${created.linkToken}`,
    );
    expect(viaQuery.status).toBe(200);
    const view = founderViewSchema.parse(viaQuery.body);
    expect(view.statusText).toBe('Received, waiting for a counsellor to look at it');
    expect(view.details?.contact.name).toBe('Kari Nordmann');
    // Their own id, which counselling and the journeys know them by (nothing personal).
    expect(view.founderId).toBe(created.founderId);
    const viaHeader = await call(service.url, 'GET', `/applications/${created.applicationId}`, {
      headers: { 'founder-token': created.linkToken, 'accept-language': 'nb' },
    });
    expect(viaHeader.body.statusText).toBe('Mottatt, venter på at en veileder ser på den');
  });

  it("refuses without a link, with another application's link, and with a forged link", async () => {
    const mine = await submit(service.url);
    const other = await submit(service.url);
    const path = `/applications/${mine.applicationId}`;
    expect((await call(service.url, 'GET', path)).status).toBe(401);
    expect((await call(service.url, 'GET', `${path}?token=${other.linkToken}`)).status).toBe(403);
    const forged = `${mine.linkToken.slice(0, -4)}AAAA`;
    expect((await call(service.url, 'GET', `${path}?token=${forged}`)).status).toBe(403);
  });

  it('lets caseworkers read it, records each read in the audit log, and keeps analysts out', async () => {
    const created = await submit(service.url);
    const counsellorId = crypto.randomUUID();
    const path = `/applications/${created.applicationId}`;
    const read = await call(service.url, 'GET', path, {
      headers: { authorization: `Bearer ${await staffToken(['counsellor'], counsellorId)}` },
    });
    expect(read.status).toBe(200);
    expect(staffViewSchema.parse(read.body).findings).toEqual([]);
    const analyst = await call(service.url, 'GET', path, {
      headers: { authorization: `Bearer ${await staffToken(['analyst'])}` },
    });
    expect(analyst.status).toBe(403);

    const exported = await call<{ staffReads: Array<{ staffId: string; action: string }> }>(
      service.url,
      'GET',
      `${path}/export?token=${created.linkToken}`,
    );
    expect(exported.body.staffReads).toEqual([
      expect.objectContaining({ staffId: counsellorId, action: 'read-application' }),
    ]);
  });

  it('answers 404 for an unknown id and 400 for an id that is no uuid', async () => {
    const token = await staffToken(['lead']);
    const headers = { authorization: `Bearer ${token}` };
    const unknown = await call(service.url, 'GET', `/applications/${crypto.randomUUID()}`, {
      headers,
    });
    expect(unknown.status).toBe(404);
    const malformed = await call(service.url, 'GET', '/applications/not-a-uuid', { headers });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ path: 'id' })]);
  });
});

describe('GET /openapi.json', () => {
  it('serves the document of this API', async () => {
    const response = await call<{ openapi: string; paths: Record<string, unknown> }>(
      service.url,
      'GET',
      '/openapi.json',
    );
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths)).toContain('/applications/{id}/triage');
  });
});
