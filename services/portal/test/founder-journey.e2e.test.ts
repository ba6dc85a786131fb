import { waitFor } from '@grunderboost/testkit';
import type { Browser, Page } from 'playwright-core';
import { formatDateTime } from '../src/oslo-time';
import { launchBrowser, screenshot, seriousViolations } from './browser';
import { startPortalStack, type PortalStack } from './portal-stack';

/**
 * A founder's path through the portal in real headless Chromium, against real intake,
 * counselling, follow-up, the journey worker and bridge (their own task queue, topics and
 * databases): apply, be accepted, see the journey, book, move and cancel a session, and answer
 * the follow-up survey.
 */
let stack: PortalStack;
let services: Record<'intake' | 'counselling' | 'followUp' | 'portal', string>;
let browser: Browser;

async function startAll(): Promise<void> {
  stack = await startPortalStack({
    name: 'founderportal',
    backends: ['counselling', 'followUp', 'journeys'],
  });
  services = {
    intake: stack.intake.url,
    counselling: stack.counselling!.url,
    followUp: stack.followUp!.url,
    portal: stack.portal.url,
  };
}

beforeAll(async () => {
  await startAll();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page)).toEqual([]);
}

async function staffToken(role: string): Promise<string> {
  const response = await fetch(`${services.intake}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffId: '0b8e7f9a-3c1d-4e2f-9a8b-7c6d5e4f3a2b', roles: [role] }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function api(base: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Reloads the page until the text of `selector` matches (the journey moves on asynchronously). */
async function reloadUntil(page: Page, selector: string, expected: RegExp, what: string) {
  await waitFor(
    async () => {
      await page.reload();
      const text =
        (await page.locator(selector).count()) > 0 ? await page.textContent(selector) : '';
      return expected.test(text ?? '') ? true : undefined;
    },
    { description: what, timeoutMs: 60_000, intervalMs: 500 },
  );
}

async function applyInEnglish(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${services.portal}/apply?lang=en`);
  await page.fill('#name', 'Amina Yusuf');
  await page.fill('#email', `amina.${Date.now()}@example.no`);
  await page.fill('#idea', 'A bicycle repair café');
  await page.selectOption('#language', 'en');
  await page.check('#consentProcessing');
  await page.click('button[type=submit]');
  await page.click('text=See your application');
  return page;
}

describe("the founder's journey in a browser", () => {
  let page: Page;
  let founderId: string;

  it('shows the journey so far, and that no counsellor is assigned yet', async () => {
    page = await applyInEnglish();
    await reloadUntil(page, '#journey', /Application received/, 'the submitted stage');
    expect(await page.textContent('#no-counsellor')).toContain('You have no counsellor yet');
    await expectAccessible(page, 'founder-status-submitted');
  }, 90_000);

  it('shows the stages once a counsellor accepts and the journey assigns one', async () => {
    const applicationId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const counsellor = await staffToken('counsellor');
    const triage = await api(services.intake, `/applications/${applicationId}/triage`, counsellor, {
      decision: 'accepted',
      reasonCodes: ['eligible'],
    });
    expect(triage.status).toBeLessThan(300);
    founderId = String(
      (await api(services.intake, `/applications/${applicationId}`, counsellor)).body.founderId,
    );
    await reloadUntil(
      page,
      '#journey-stage',
      /A counsellor has been assigned to you/,
      'the assigned stage',
    );
    const items = await page.locator('#journey li').all();
    const stages = await Promise.all(items.map((item) => item.getAttribute('data-stage')));
    expect(stages).toEqual(['submitted', 'triaged', 'assigned']);
    expect(await page.textContent('#journey')).toContain('Application considered (accepted)');
    expect(await page.textContent('#sessions-title')).toBe('Your sessions');
    await expectAccessible(page, 'founder-status-assigned');
  }, 90_000);

  it('lets the founder pick a free slot; a missing choice and a taken slot are explained', async () => {
    await page.click('text=Book a session');
    expect(await page.textContent('h1')).toBe('Book a session');
    await expectAccessible(page, 'booking');
    // Nothing chosen: both problems in the summary and next to their groups.
    await page.click('button:has-text("Book this time")');
    expect(await page.textContent('#error-summary')).toContain('Choose a time.');
    expect(await page.textContent('#mode-error')).toBe('Choose how you want to meet.');
    await expectAccessible(page, 'booking-errors');

    // A second tab still shows the first slot as free.
    const stale = await browser.newPage();
    await stale.goto(
      page
        .url()
        .replace(/\/book.*$/, `/book?token=${new URL(page.url()).searchParams.get('token')}`),
    );
    const slot = await page.getAttribute('#slot-0-0', 'value');
    await page.check('#slot-0-0');
    await page.check('#mode-0');
    await page.click('button:has-text("Book this time")');
    expect(await page.textContent('#notice')).toContain('Your session is booked.');
    const booked = formatDateTime(slot ?? '', 'en');
    expect(await page.textContent('#sessions')).toContain(booked);
    await expectAccessible(page, 'founder-status-booked');

    expect(await stale.getAttribute('#slot-0-0', 'value')).toBe(slot);
    await stale.check('#slot-0-0');
    await stale.check('#mode-0');
    await stale.click('button:has-text("Book this time")');
    expect(await stale.textContent('#error-summary')).toMatch(
      /no longer free|Someone else has just booked that time/,
    );
    expect(await stale.textContent('h1')).toBe('Book a session');
    await expectAccessible(stale, 'booking-refused');
    await stale.close();

    await reloadUntil(
      page,
      '#journey-stage',
      /First session booked/,
      'the first-session-booked stage',
    );
  }, 120_000);

  it('lets the founder move the session, then cancel it', async () => {
    await page.click('a:has-text("Move")');
    expect(await page.textContent('h1')).toBe('Move your session');
    await expectAccessible(page, 'move');
    // Any free time will do: which days and how many times each has depends on the hour the
    // test runs at (today's remaining times, the notice period), so take the first one offered.
    const firstFree = page.locator('input[name="slot"]').first();
    expect(await page.locator('input[name="slot"]').count()).toBeGreaterThan(0);
    const slot = await firstFree.getAttribute('value');
    await firstFree.check();
    await page.click('button:has-text("Move to this time")');
    expect(await page.textContent('#notice')).toContain('Your session has been moved.');
    expect(await page.textContent('#sessions')).toContain(formatDateTime(slot ?? '', 'en'));

    await page.click('a:has-text("Cancel")');
    expect(await page.textContent('h1')).toBe('Cancel your session');
    await page.click('button:has-text("Cancel the session")');
    expect(await page.textContent('#reason-error')).toBe('Choose why you are cancelling.');
    await expectAccessible(page, 'cancel-errors');
    await page.check('#reason-0');
    await page.click('button:has-text("Cancel the session")');
    expect(await page.textContent('#notice')).toContain('Your session has been cancelled.');
    expect(await page.textContent('#sessions .appointment-status')).toBe('cancelled');
    expect(await page.locator('#sessions a:has-text("Move")').count()).toBe(0);
    await expectAccessible(page, 'founder-status-cancelled');
  }, 90_000);

  it('takes the follow-up survey in Norwegian, explains what is missing, and stores the answers', async () => {
    const token = await staffToken('counsellor');
    const opened = await api(services.followUp, '/follow-ups', token, {
      founderId,
      monthsAfterRegistration: 3,
      registeredOn: '2026-08-01',
    });
    expect(opened.status).toBe(201);
    const { followUpId, linkToken } = opened.body as { followUpId: string; linkToken: string };
    const survey = await browser.newPage();
    await survey.goto(
      `${services.portal}/follow-up/${followUpId}?token=${encodeURIComponent(linkToken)}&lang=nb`,
    );
    expect(await survey.textContent('h1')).toBe('Hvordan går det med selskapet ditt?');
    expect(await survey.getAttribute('html', 'lang')).toBe('nb');
    await expectAccessible(survey, 'survey');

    await survey.fill('#employeesFte', '1,333');
    await survey.click('button[type=submit]');
    expect(await survey.textContent('#error-summary')).toContain(
      'Svar på om selskapet fortsatt er i drift.',
    );
    expect(await survey.textContent('#employeesFte-error')).toContain('høyst to desimaler');
    expect(await survey.getAttribute('#employeesFte', 'aria-invalid')).toBe('true');
    expect(await survey.getAttribute('#employeesFte', 'aria-describedby')).toContain(
      'employeesFte-error',
    );
    await expectAccessible(survey, 'survey-errors');

    await survey.check('#stillOperating-0');
    await survey.fill('#employeesFte', '1,5');
    await survey.check('#revenueBand-1');
    await survey.fill('#hiresFromUnemployment', '1');
    await survey.check('#fundingObtained-0');
    await survey.click('button[type=submit]');
    expect(await survey.textContent('h1')).toBe('Takk for svarene dine');
    await expectAccessible(survey, 'survey-thanks');

    const stored = await api(services.followUp, `/follow-ups/${followUpId}`, token);
    expect(stored.body).toMatchObject({
      status: 'answered',
      answers: {
        stillOperating: true,
        employeesFte: 1.5,
        revenueBand: 'under-1m',
        hiresFromUnemployment: 1,
        fundingObtained: ['innovation-norway-etablerertilskudd'],
      },
    });
    // The link now says it is done, rather than offering the form again.
    await survey.reload();
    expect(await survey.textContent('#survey-done')).toContain('allerede besvart');
  }, 90_000);

  it('answers bad and forged links and input with a readable page in the 4xx range, never a 5xx', async () => {
    const bogus = '00000000-0000-4000-8000-000000000000';
    const attempts: Array<[string, string, string?]> = [
      ['GET', `/status/${bogus}/book?token=forged`],
      ['GET', `/status/not-an-id/book?token=x`],
      ['POST', `/status/${bogus}/book?token=forged`, 'slot=yesterday&mode=teleport'],
      ['GET', `/status/${bogus}/sessions/not-an-id/move?token=forged`],
      ['POST', `/status/${bogus}/sessions/${bogus}/cancel?token=forged`, 'reason=%00'],
      ['GET', `/follow-up/${bogus}?token=forged`],
      ['POST', `/follow-up/not-an-id?token=x`, 'employeesFte=1e999'],
      ['GET', `/follow-up/${bogus}`],
    ];
    for (const [method, path, body] of attempts) {
      const response = await fetch(`${services.portal}${path}`, {
        method,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
        ...(body === undefined ? {} : { body }),
      });
      expect([method, path, response.status]).toEqual([method, path, 404]);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(await response.text()).toMatch(/does not work/);
    }
  });
});
