import type { ApiAnswer, ApiRequest, ServiceApi, ServiceApis } from '../src/api';
import { staffToken, staffAppFor } from './staff-app';

/**
 * The staff routes' own work — what they send to counselling and how they show its answers —
 * with the service APIs replaced by recorders (the e2e test runs them against the real services).
 */
const FOUNDER = '0f0f0f0f-0000-4000-8000-000000000001';
const APPLICATION = '0f0f0f0f-0000-4000-8000-000000000002';
const APPOINTMENT = '0f0f0f0f-0000-4000-8000-000000000003';
const COUNSELLOR = '11111111-1111-4111-8111-111111111111';

interface Call {
  service: string;
  path: string;
  init: ApiRequest | undefined;
}

const calls: Call[] = [];
let answers: Record<string, (path: string, init?: ApiRequest) => ApiAnswer> = {};

const reads: Record<string, Record<string, unknown>> = {
  [`/cases/${FOUNDER}`]: {
    founderId: FOUNDER,
    applicationId: APPLICATION,
    counsellorId: COUNSELLOR,
    reason: 'lowest load',
    history: [
      {
        counsellorId: COUNSELLOR,
        reasonCode: 'lowest-load',
        reason: '',
        at: '2026-03-01T10:00:00Z',
      },
    ],
  },
  [`/cases/${FOUNDER}/appointments`]: {
    appointments: [
      {
        appointmentId: APPOINTMENT,
        kind: 'first-meeting',
        mode: 'video',
        // Started an hour ago: the outcome forms are offered.
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        endsAt: new Date().toISOString(),
        status: 'booked',
        confirmed: true,
        bookedAt: '2026-03-01T11:00:00Z',
        milestones: [],
      },
      {
        appointmentId: '0f0f0f0f-0000-4000-8000-000000000004',
        kind: 'follow-up',
        mode: 'phone',
        startsAt: '2026-02-01T09:00:00Z',
        endsAt: '2026-02-01T09:45:00Z',
        status: 'completed',
        confirmed: true,
        bookedAt: '2026-01-20T09:00:00Z',
        closedAt: '2026-02-01T09:50:00Z',
        notes: 'Worried about <b>the bank</b>',
        milestones: ['business-plan-ready'],
      },
    ],
  },
  '/counsellors': { counsellors: [{ counsellorId: COUNSELLOR, name: 'Anne Berg', active: true }] },
  [`/applications/${APPLICATION}`]: {
    applicationId: APPLICATION,
    founderId: FOUNDER,
    status: 'accepted',
    submittedAt: '2026-03-01T09:00:00Z',
    details: { contact: { name: 'Kari Nordmann' }, municipality: '3312', language: 'nb' },
  },
};

function recorder(service: string): ServiceApi {
  return async (path, init) => {
    calls.push({ service, path, init });
    const special = Object.entries(answers).find(([prefix]) => path.startsWith(prefix));
    if (special !== undefined) return special[1](path, init);
    const known = reads[path.split('?')[0] ?? ''];
    if (known !== undefined && (init?.method ?? 'GET') === 'GET')
      return { status: 200, body: known };
    if (path.includes('/slots')) return { status: 200, body: { slots: [] } };
    if ((init?.method ?? 'GET') === 'POST') return { status: 200, body: {} };
    return { status: 404, body: {} };
  };
}

const apis: ServiceApis = {
  intake: recorder('intake'),
  counselling: recorder('counselling'),
  followUp: recorder('followUp'),
  metrics: recorder('metrics'),
  journeys: recorder('journeys'),
};

const token = staffToken(COUNSELLOR, ['counsellor']);
const app = staffAppFor(apis);

beforeEach(() => {
  calls.length = 0;
  answers = {};
});

const post = (path: string, form: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  }
  return fetch(`${app.base}${path}`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { cookie: `staff_token=${token}`, 'accept-language': 'en' },
  });
};

const sentTo = (path: string) => calls.find((c) => c.path === path && c.init?.method === 'POST');

describe('the staff routes', () => {
  it('completes a session with its notes and the known milestones only, then goes back to the page with a notice', async () => {
    const response = await post(`/staff/appointments/${APPOINTMENT}/complete`, {
      founderId: FOUNDER,
      notes: '  Lease signed. ',
      milestones: ['business-plan-ready', 'world-domination'],
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      `/staff/founders/${FOUNDER}?done=completed#notice`,
    );
    const sent = sentTo(`/appointments/${APPOINTMENT}/complete`);
    expect(sent?.init?.body).toEqual({
      notes: 'Lease signed.',
      milestones: [{ milestone: 'business-plan-ready' }],
    });
    expect(sent?.init?.headers).toMatchObject({ authorization: `Bearer ${token}` });
  });

  it('records a no-show with an empty body', async () => {
    const response = await post(`/staff/appointments/${APPOINTMENT}/no-show`, {
      founderId: FOUNDER,
    });
    expect(response.headers.get('location')).toBe(`/staff/founders/${FOUNDER}?done=no-show#notice`);
    expect(sentTo(`/appointments/${APPOINTMENT}/no-show`)?.init?.body).toEqual({});
  });

  it("shows counselling's refusal in words at the session's form, with the API's status", async () => {
    answers[`/appointments/${APPOINTMENT}/complete`] = () => ({
      status: 409,
      body: { code: 'refused', detail: 'The appointment has not started yet.' },
    });
    const response = await post(`/staff/appointments/${APPOINTMENT}/complete`, {
      founderId: FOUNDER,
    });
    expect(response.status).toBe(409);
    const page = await response.text();
    expect(page).toContain('The session has not started yet');
    expect(page).toMatch(new RegExp(`id="notes-${APPOINTMENT}"[^>]*aria-invalid="true"`));
    expect(page).toContain('<h1>Kari Nordmann</h1>');
  });

  it('books with the chosen kind, mode and time, beyond the allowance only when ticked', async () => {
    await post(`/staff/founders/${FOUNDER}/appointments`, {
      kind: 'follow-up',
      mode: 'phone',
      startsAt: '2026-03-10T09:00:00.000Z',
      beyondAllowance: 'yes',
    });
    expect(sentTo(`/cases/${FOUNDER}/appointments`)?.init?.body).toEqual({
      kind: 'follow-up',
      mode: 'phone',
      startsAt: '2026-03-10T09:00:00.000Z',
      beyondAllowance: true,
    });
    calls.length = 0;
    await post(`/staff/founders/${FOUNDER}/appointments`, {
      kind: 'follow-up',
      mode: 'x',
      startsAt: 's',
    });
    expect(sentTo(`/cases/${FOUNDER}/appointments`)?.init?.body).toEqual({
      kind: 'follow-up',
      mode: 'video',
      startsAt: 's',
    });
  });

  it("tells a counsellor that someone else's case is not theirs, and a malformed id too", async () => {
    answers[`/cases/${FOUNDER}`] = () => ({ status: 404, body: { title: 'Not Found' } });
    const headers = { cookie: `staff_token=${token}`, 'accept-language': 'en' };
    const theirs = await fetch(`${app.base}/staff/founders/${FOUNDER}`, { headers });
    expect(theirs.status).toBe(404);
    expect(await theirs.text()).toContain('This is not your case');
    const malformed = await fetch(`${app.base}/staff/founders/not-an-id`, { headers });
    expect(malformed.status).toBe(404);
    expect(calls.filter((c) => c.path.includes('not-an-id'))).toEqual([]);
  });

  it('shows the page without the journey when the bridge is unreachable, and the notes to staff', async () => {
    answers['/journeys/'] = () => {
      throw new Error('connect ECONNREFUSED');
    };
    const response = await fetch(`${app.base}/staff/founders/${FOUNDER}`, {
      headers: { cookie: `staff_token=${token}`, 'accept-language': 'en' },
    });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Not available right now');
    expect(page).toContain('Complete the session');
    expect(page).toContain('Worried about &lt;b&gt;the bank&lt;/b&gt;');
    expect(page).toContain('Milestone: Business plan ready');
    // Names, not codes a counsellor would have to look up.
    expect(page).toContain('<dd>Lier (3312)</dd>');
    expect(page).toContain('<dd>Norsk bokmål</dd>');
    // Reassigning is for leads.
    expect(page).not.toContain('Reassign the case');
  });

  it('closes the case with a known reason and goes back to the board; an unknown reason is refused at the form', async () => {
    const closed = await post(`/staff/founders/${FOUNDER}/close`, {
      reasonCode: 'company-running',
    });
    expect(closed.status).toBe(303);
    expect(closed.headers.get('location')).toBe('/staff/board?done=closed');
    expect(sentTo(`/cases/${FOUNDER}/close`)?.init?.body).toEqual({
      reasonCode: 'company-running',
    });

    calls.length = 0;
    const refused = await post(`/staff/founders/${FOUNDER}/close`, { reasonCode: 'tired of it' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('id="closeReason-error"');
    expect(sentTo(`/cases/${FOUNDER}/close`)).toBeUndefined();
  });

  it('sends people without a token to the sign-in page', async () => {
    const response = await fetch(`${app.base}/staff/founders/${FOUNDER}`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/staff/sign-in');
  });
});
