import type { ApiAnswer, ApiRequest, ServiceApi, ServiceApis } from '../src/api';
import { parseTriageForm } from '../src/staff/triage-form';
import { nothing, staffToken, staffAppFor } from './staff-app';

/**
 * Triage in the portal: the form checked by intake's rules, what is sent to intake and how its
 * refusals read — with intake replaced by a recorder (the browser test runs the real one).
 */
describe('the triage form', () => {
  it('sends a decision with its reasons, and a partner only for a referral', () => {
    expect(parseTriageForm({ decision: 'declined', reasonCodes: 'not-a-business' })).toEqual({
      ok: true,
      values: { decision: 'declined', reasonCodes: ['not-a-business'] },
      body: { decision: 'declined', reasonCodes: ['not-a-business'] },
    });
    const referral = parseTriageForm({
      decision: 'referred',
      reasonCodes: ['business-too-old', 'needs-other-service'],
      referredTo: 'business-association',
    });
    expect(referral.ok && referral.body).toEqual({
      decision: 'referred',
      reasonCodes: ['business-too-old', 'needs-other-service'],
      referredTo: 'business-association',
    });
    // A partner picked before the decision changed is not sent (intake would refuse it).
    const accepted = parseTriageForm({
      decision: 'accepted',
      reasonCodes: 'eligible',
      referredTo: 'nav',
    });
    expect(accepted.ok && accepted.body).toEqual({
      decision: 'accepted',
      reasonCodes: ['eligible'],
    });
  });

  it('names every missing part, and drops reasons and partners it does not know', () => {
    expect(parseTriageForm({})).toMatchObject({ ok: false, problems: ['decision', 'reasonCodes'] });
    expect(
      parseTriageForm({ decision: 'referred', reasonCodes: ['made-up'], referredTo: 'somewhere' }),
    ).toMatchObject({ ok: false, problems: ['reasonCodes', 'referredTo'] });
    expect(parseTriageForm({ decision: 'maybe', reasonCodes: 'eligible' })).toMatchObject({
      ok: false,
      problems: ['decision'],
      values: { decision: 'maybe', reasonCodes: ['eligible'] },
    });
  });
});

const APPLICATION = '0f0f0f0f-0000-4000-8000-000000000002';
const application = (over: Record<string, unknown> = {}) => ({
  applicationId: APPLICATION,
  founderId: '0f0f0f0f-0000-4000-8000-000000000001',
  status: 'submitted',
  submittedAt: '2026-03-01T09:00:00Z',
  findings: [{ code: 'outside-region' }],
  details: {
    contact: { name: 'Kari <Nordmann>', email: 'kari@example.no' },
    municipality: '3411',
    language: 'nb',
    idea: 'Sykkelverksted',
    sector: 'S',
    stage: 'idea',
    needs: ['financing', 'premises'],
  },
  ...over,
});

const sent: Array<{ path: string; init: ApiRequest | undefined }> = [];
let intakeAnswer: (path: string, init?: ApiRequest) => ApiAnswer;
const intake: ServiceApi = async (path, init) => {
  sent.push({ path, init });
  return intakeAnswer(path, init);
};
const apis: ServiceApis = {
  intake,
  counselling: nothing,
  followUp: nothing,
  metrics: nothing,
  journeys: nothing,
};

const token = staffToken('c1', ['counsellor']);
const headers = { cookie: `staff_token=${token}`, 'accept-language': 'en' };
const app = staffAppFor(apis);
beforeEach(() => {
  sent.length = 0;
  intakeAnswer = () => ({ status: 200, body: application() });
});

const post = (form: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  }
  return fetch(`${app.base}/staff/applications/${APPLICATION}`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers,
  });
};

describe('the triage page', () => {
  it('shows the application in words, what the check found, and the form', async () => {
    const response = await fetch(`${app.base}/staff/applications/${APPLICATION}`, { headers });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Application from Kari &lt;Nordmann&gt;');
    expect(page).toContain('<dd>Norsk bokmål</dd>');
    expect(page).toContain('<dd>Other services</dd>');
    expect(page).toContain('<dd>Financing, Premises</dd>');
    expect(page).toContain('<li>Outside the region</li>');
    expect(page).toContain('Save the decision');
  });

  it('offers no form once a counsellor has decided, but lets one overrule the automatic check', async () => {
    const decided = {
      decision: 'declined',
      reasons: [{ code: 'duplicate', text: 'You already have one.' }],
    };
    intakeAnswer = () => ({
      status: 200,
      body: application({ status: 'declined', triage: { ...decided, automatic: false } }),
    });
    let page = await (
      await fetch(`${app.base}/staff/applications/${APPLICATION}`, { headers })
    ).text();
    expect(page).toContain('can no longer be decided on');
    expect(page).not.toContain('Save the decision');
    intakeAnswer = () => ({
      status: 200,
      body: application({ status: 'declined', triage: { ...decided, automatic: true } }),
    });
    page = await (await fetch(`${app.base}/staff/applications/${APPLICATION}`, { headers })).text();
    expect(page).toContain('by the automatic check; you may overrule it');
    expect(page).toContain('Save the decision');
  });

  it('sends the decision to intake and goes back to the board with a notice', async () => {
    const response = await post({ decision: 'declined', reasonCodes: ['not-a-business'] });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/staff/board?done=declined');
    const call = sent.find((c) => c.init?.method === 'POST');
    expect(call?.path).toBe(`/applications/${APPLICATION}/triage`);
    expect(call?.init?.body).toEqual({ decision: 'declined', reasonCodes: ['not-a-business'] });
  });

  it('shows what is missing at its field, keeping the choices, and sends nothing', async () => {
    const response = await post({ decision: 'referred', reasonCodes: 'needs-other-service' });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('id="referredTo-error">Choose the partner you refer the founder to.');
    expect(page).toMatch(/value="needs-other-service"\s+checked/);
    expect(sent.some((c) => c.init?.method === 'POST')).toBe(false);
  });

  it("says in words that someone else decided first (intake's 409)", async () => {
    intakeAnswer = (_path, init) =>
      init?.method === 'POST'
        ? { status: 409, body: { type: 'urn:grunderboost:problem:already_triaged' } }
        : { status: 200, body: application() };
    const response = await post({ decision: 'accepted', reasonCodes: 'eligible' });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('Someone else decided on this application first.');
  });

  it('answers an unknown or malformed application id with a readable 404', async () => {
    intakeAnswer = () => ({ status: 404, body: {} });
    const unknown = await fetch(`${app.base}/staff/applications/${APPLICATION}`, { headers });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Page not found');
    const malformed = await fetch(`${app.base}/staff/applications/not-an-id`, { headers });
    expect(malformed.status).toBe(404);
  });
});
