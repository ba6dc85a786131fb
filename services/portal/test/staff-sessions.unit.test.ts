import type { ApiAnswer, ApiRequest, ServiceApi, ServiceApis } from '../src/api';
import { nothing, staffToken, staffAppFor } from './staff-app';

/**
 * Moving and cancelling a session from the founder's page: what goes to counselling and how its
 * answers read, with counselling replaced by a recorder (the browser test runs the real one).
 */
const FOUNDER = '0f0f0f0f-0000-4000-8000-000000000001';
const APPOINTMENT = '0f0f0f0f-0000-4000-8000-000000000003';
const tomorrow = new Date(Date.now() + 86_400_000);
const at = (hour: number) => {
  const time = new Date(tomorrow);
  time.setUTCHours(hour, 0, 0, 0);
  return time.toISOString();
};
const booked = {
  appointmentId: APPOINTMENT,
  kind: 'follow-up',
  mode: 'video',
  startsAt: at(9),
  endsAt: at(10),
  status: 'booked',
  confirmed: true,
  bookedAt: '2026-03-01T11:00:00Z',
  milestones: [],
};

const sent: Array<{ path: string; init: ApiRequest | undefined }> = [];
let onPost: (path: string) => ApiAnswer;
const counselling: ServiceApi = async (path, init) => {
  sent.push({ path, init });
  if (init?.method === 'POST') return onPost(path);
  if (path === `/cases/${FOUNDER}/appointments`)
    return { status: 200, body: { appointments: [booked] } };
  if (path.startsWith(`/cases/${FOUNDER}/slots`)) {
    return {
      status: 200,
      body: { slots: [9, 12].map((h) => ({ startsAt: at(h), endsAt: at(h + 1) })) },
    };
  }
  return { status: 404, body: {} };
};
const apis: ServiceApis = {
  intake: nothing,
  counselling,
  followUp: nothing,
  metrics: nothing,
  journeys: nothing,
};

const token = staffToken('c1', ['counsellor']);
const headers = { cookie: `staff_token=${token}`, 'accept-language': 'en' };
const app = staffAppFor(apis);
beforeEach(() => {
  sent.length = 0;
  onPost = () => ({ status: 200, body: {} });
});

const session = `/staff/founders/${FOUNDER}/sessions/${APPOINTMENT}`;
const post = (path: string, form: Record<string, string>) =>
  fetch(`${app.base}${path}`, {
    method: 'POST',
    body: new URLSearchParams(form),
    redirect: 'manual',
    headers,
  });
const posted = () => sent.find((c) => c.init?.method === 'POST');

describe('moving and cancelling a session as staff', () => {
  it("offers the session's kind's free times other than its own", async () => {
    const response = await fetch(`${app.base}${session}/move`, { headers });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain(`<option value="${at(12)}">`);
    expect(page).not.toContain(`<option value="${at(9)}">`);
    expect(sent.some((c) => c.path.includes('/slots?') && c.path.endsWith('kind=follow-up'))).toBe(
      true,
    );
  });

  it('moves it and goes back to the founder with a notice', async () => {
    const response = await post(`${session}/move`, { startsAt: at(12) });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/staff/founders/${FOUNDER}?done=moved#notice`);
    expect(posted()?.path).toBe(`/appointments/${APPOINTMENT}/reschedule`);
    expect(posted()?.init?.body).toEqual({ startsAt: at(12) });
  });

  it("shows counselling's refusal of the new time at the form, with its status", async () => {
    onPost = () => ({ status: 409, body: { code: 'slot-taken' } });
    const response = await post(`${session}/move`, { startsAt: at(12) });
    expect(response.status).toBe(409);
    const page = await response.text();
    expect(page).toContain('Someone booked that time just now.');
    expect(page).toContain('aria-describedby="move-error" aria-invalid="true"');
  });

  it('cancels with one of the known reasons only', async () => {
    const response = await post(`${session}/cancel`, { reasonCode: 'founder-asked' });
    expect(response.headers.get('location')).toBe(
      `/staff/founders/${FOUNDER}?done=cancelled#notice`,
    );
    expect(posted()?.init?.body).toEqual({ reasonCode: 'founder-asked' });
    sent.length = 0;
    await post(`${session}/cancel`, { reasonCode: 'Kari is ill' });
    expect(posted()?.init?.body).toEqual({ reasonCode: 'counsellor-unavailable' });
  });

  it('says so when the session changed meanwhile, and when counselling is down', async () => {
    onPost = () => ({ status: 409, body: { code: 'refused', detail: 'no longer booked' } });
    const changed = await post(`${session}/cancel`, { reasonCode: 'founder-asked' });
    expect(changed.headers.get('location')).toBe(
      `/staff/founders/${FOUNDER}?done=notCancelled#notice`,
    );
    onPost = () => ({ status: 500, body: {} });
    const down = await post(`${session}/cancel`, { reasonCode: 'founder-asked' });
    expect(down.status).toBe(503);
    expect(await down.text()).toContain('The counselling service did not answer.');
  });

  it('answers a malformed id with "not your case" and sends nothing', async () => {
    const response = await fetch(`${app.base}/staff/founders/${FOUNDER}/sessions/nope/move`, {
      headers,
    });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('This is not your case');
    expect(sent).toHaveLength(0);
  });
});
