import { parseEvent, type AnyEvent } from '@grunderboost/contracts';
import { waitFor } from '@grunderboost/testkit';
import { searchResultSchema, staffViewSchema } from '../src/http/response-schemas';
import type { RunningService } from '../src/service';
import {
  call,
  collectTopic,
  dropDatabase,
  newWorld,
  staffToken,
  startIntake,
  submit,
  type TestWorld,
} from './support';

let world: TestWorld;
let service: RunningService;
let reader: Awaited<ReturnType<typeof collectTopic>>;
let counsellor: Record<string, string>;
const counsellorId = crypto.randomUUID();

beforeAll(async () => {
  world = await newWorld();
  service = await startIntake(world);
  reader = await collectTopic(world);
  counsellor = { authorization: `Bearer ${await staffToken(['counsellor'], counsellorId)}` };
});

afterAll(async () => {
  await reader?.stop();
  await service?.stop();
  await dropDatabase(world);
});

function eventsOf(applicationId: string): AnyEvent[] {
  return reader.received
    .map((message) => parseEvent(JSON.parse(message.value)))
    .flatMap((parsed) => (parsed.ok ? [parsed.event] : []))
    .filter((event) => 'applicationId' in event.data && event.data.applicationId === applicationId);
}

async function waitForEvent(applicationId: string, type: AnyEvent['type']): Promise<AnyEvent> {
  return waitFor(() => eventsOf(applicationId).find((event) => event.type === type), {
    description: `${type} of ${applicationId}`,
  });
}

describe('the life of an application', () => {
  it('is changed by the founder, found and accepted by a counsellor, then frozen; consent and withdrawal follow', async () => {
    const created = await submit(service.url, { language: 'en' });
    const id = created.applicationId;
    const founder = { 'founder-token': created.linkToken };

    const changed = await call(service.url, 'PATCH', `/applications/${id}`, {
      headers: founder,
      body: { idea: 'A repair café, now with a bakery', municipality: '3049' },
    });
    expect(changed.status).toBe(200);
    // 3049 is Lier's number before 2024: it is stored as today's 3312, inside the region.
    expect(changed.body).toMatchObject({ status: 'submitted', details: { municipality: '3312' } });

    const found = await call(
      service.url,
      'GET',
      `/applications?status=submitted&language=en&limit=100`,
      {
        headers: counsellor,
      },
    );
    expect(found.status).toBe(200);
    expect(searchResultSchema.parse(found.body).items.map((item) => item.applicationId)).toContain(
      id,
    );

    const triaged = await call(service.url, 'POST', `/applications/${id}/triage`, {
      headers: counsellor,
      body: { decision: 'accepted', reasonCodes: ['eligible'] },
    });
    expect(triaged.status).toBe(200);
    expect(staffViewSchema.parse(triaged.body)).toMatchObject({
      status: 'accepted',
      triagedBy: counsellorId,
    });
    const triagedEvent = await waitForEvent(id, 'intake.ApplicationTriaged.v1');
    expect(triagedEvent.data).toMatchObject({ decision: 'accepted', triagedBy: counsellorId });

    const tooLate = await call(service.url, 'PATCH', `/applications/${id}`, {
      headers: { ...founder, 'accept-language': 'en' },
      body: { idea: 'Something else' },
    });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.title).toBe('The application can no longer be changed');
    const again = await call(service.url, 'POST', `/applications/${id}/triage`, {
      headers: counsellor,
      body: { decision: 'declined', reasonCodes: ['not-a-business'] },
    });
    expect(again.status).toBe(409);

    const consent = await call(service.url, 'PUT', `/applications/${id}/consents`, {
      headers: founder,
      body: { consent: 'sharing', partnerCategory: 'nav', granted: false, textVersion: '2026-02' },
    });
    expect(consent.status).toBe(200);
    expect(consent.body).toMatchObject({
      consents: { sharing: { nav: { granted: false, textVersion: '2026-02' } } },
    });
    const consentEvent = await waitForEvent(id, 'intake.ConsentChanged.v1');
    expect(consentEvent.data).toMatchObject({
      consent: 'sharing',
      partnerCategory: 'nav',
      granted: false,
    });

    const staffConsent = await call(service.url, 'PUT', `/applications/${id}/consents`, {
      headers: counsellor,
      body: { consent: 'statistics', granted: false, textVersion: '2026-02' },
    });
    expect(staffConsent.status).toBe(403);

    const withdrawn = await call(service.url, 'POST', `/applications/${id}/withdrawal`, {
      headers: founder,
      body: { reasonCode: 'no-longer-relevant' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', statusText: 'Withdrawn' });
    expect((await waitForEvent(id, 'intake.ApplicationWithdrawn.v1')).data).toMatchObject({
      reasonCode: 'no-longer-relevant',
    });
    expect(eventsOf(id).map((event) => event.type)).toEqual([
      'intake.ApplicationSubmitted.v1',
      'intake.ApplicationTriaged.v1',
      'intake.ConsentChanged.v1',
      'intake.ApplicationWithdrawn.v1',
    ]);
  });
});

describe('automatic pre-triage', () => {
  it('declines an application from outside the region with a reason the founder can read, and a counsellor overrules it', async () => {
    const created = await submit(service.url, { municipality: '0301', language: 'nb' });
    expect(created).toMatchObject({ status: 'declined' });
    const view = await call(
      service.url,
      'GET',
      `/applications/${created.applicationId}?token=${created.linkToken}`,
    );
    expect(view.body.triage).toMatchObject({
      decision: 'declined',
      automatic: true,
      reasons: [
        {
          code: 'outside-region',
          text: 'Verken du eller virksomheten hører til en kommune i regionen.',
        },
      ],
    });
    const automatic = await waitForEvent(created.applicationId, 'intake.ApplicationTriaged.v1');
    expect(automatic.data).not.toHaveProperty('triagedBy');

    const overruled = await call(
      service.url,
      'POST',
      `/applications/${created.applicationId}/triage`,
      {
        headers: counsellor,
        body: { decision: 'accepted', reasonCodes: ['eligible'] },
      },
    );
    expect(overruled.status).toBe(200);
    expect(overruled.body).toMatchObject({ status: 'accepted', overrulesAutomatic: true });
  });

  it('flags a second open application with the same e-mail as a duplicate of the first, and keeps the founder id', async () => {
    const first = await submit(service.url);
    const firstView = await call(service.url, 'GET', `/applications/${first.applicationId}`, {
      headers: counsellor,
    });
    const email = (firstView.body.details as { contact: { email: string } }).contact.email;
    const second = await submit(service.url, {
      contact: { name: 'Kari N.', email: email.toUpperCase() },
    });
    expect(second.status).toBe('declined');
    const secondView = await call(service.url, 'GET', `/applications/${second.applicationId}`, {
      headers: counsellor,
    });
    expect(secondView.body).toMatchObject({
      founderId: firstView.body.founderId,
      findings: [{ code: 'duplicate', duplicateOf: first.applicationId, matchedOn: 'email' }],
    });
  });

  it('refers an established business to the business association', async () => {
    const created = await submit(service.url, {
      stage: 'registered',
      businessStartedOn: '2019-05-01',
    });
    expect(created).toMatchObject({ status: 'referred' });
    const view = await call(
      service.url,
      'GET',
      `/applications/${created.applicationId}?token=${created.linkToken}`,
      {
        headers: { 'accept-language': 'en' },
      },
    );
    expect(view.body.triage).toMatchObject({
      referredTo: 'business-association',
      referredToText: 'the business association (Næringsforeningen i Drammensregionen)',
    });
  });
});

describe('staff search', () => {
  it('pages through results with a cursor, newest first, without repeats', async () => {
    const municipality = '3318';
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await submit(service.url, { municipality })).applicationId);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(
        service.url,
        'GET',
        `/applications?municipality=${municipality}&limit=2${cursor === undefined ? '' : `&cursor=${cursor}`}`,
        { headers: counsellor },
      );
      expect(page.status).toBe(200);
      const parsed = searchResultSchema.parse(page.body);
      expect(parsed.items.length).toBeLessThanOrEqual(2);
      seen.push(...parsed.items.map((item) => item.applicationId));
      cursor = parsed.nextCursor;
    } while (cursor !== undefined);
    expect(seen).toEqual([...ids].reverse());
  });

  it('is for caseworkers only', async () => {
    expect((await call(service.url, 'GET', '/applications')).status).toBe(401);
    const analyst = { authorization: `Bearer ${await staffToken(['analyst'])}` };
    expect((await call(service.url, 'GET', '/applications', { headers: analyst })).status).toBe(
      403,
    );
  });
});
