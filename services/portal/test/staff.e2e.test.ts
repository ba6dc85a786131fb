import { waitFor } from '@grunderboost/testkit';
import type { Browser, Page } from 'playwright-core';
import { formatDateTime } from '../src/oslo-time';
import { whenText } from '../src/pages/staff-format';
import { launchBrowser, screenshot, seriousViolations } from './browser';
import { startPortalStack, type PortalStack } from './portal-stack';

/**
 * Counsellors and leads in real headless Chromium against real intake, counselling, the journey
 * worker and bridge (Temporal) and the portal, each its own process: a founder applies, a
 * counsellor accepts, the journey assigns the case, the counsellor books a session from the
 * founder's page, the founder sees it; a lead sees the load and reassigns the case.
 */
let stack: PortalStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startPortalStack({ name: 'portalstaff', backends: ['counselling', 'journeys'] });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, `staff-${name}`);
  expect(await seriousViolations(page)).toEqual([]);
}

async function applyAsFounder(name: string): Promise<string> {
  const page = await browser.newPage();
  await page.goto(`${stack.portal.url}/apply?lang=en`);
  await page.fill('#name', name);
  await page.fill('#email', `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@example.no`);
  await page.fill('#idea', 'A bicycle repair café by the river');
  await page.selectOption('#language', 'en');
  await page.check('#consentProcessing');
  await page.check('#consentStatistics');
  await page.click('button[type=submit]');
  await page.click('text=See your application');
  const statusUrl = page.url();
  await page.close();
  return statusUrl;
}

/** Signs in on the development page as a member of counselling's team (or nobody) in a role. */
async function signIn(role: string, who: string, name: string): Promise<Page> {
  // A context of its own (its own cookies), which may open more tabs.
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${stack.portal.url}/staff/sign-in?lang=en`);
  await page.selectOption('#role', role);
  await page.selectOption('#staffId', { label: who });
  await page.click('button[type=submit]');
  await page.waitForURL(/\/staff\/board/);
  await expectAccessible(page, name);
  return page;
}

const text = async (page: Page, selector: string) => (await page.textContent(selector)) ?? '';

/** Reloads until the element shows the text: events reach the journey a moment later. */
async function reloadUntil(page: Page, selector: string, expected: string): Promise<void> {
  await waitFor(
    async () => {
      if ((await text(page, selector)).includes(expected)) return true;
      await page.reload();
      return undefined;
    },
    { description: `"${expected}" in ${selector}`, timeoutMs: 60_000, intervalMs: 1_000 },
  );
}

describe('counsellors and leads in the portal', () => {
  let founderUrl: string;
  let statusUrl: string;
  let bookedSlot: string;

  it('lists counselling’s team at sign-in and refuses a counsellor who is not one of them', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${stack.portal.url}/staff/sign-in?lang=en`);
    expect(response?.status()).toBe(200);
    const options = await page.locator('#staffId option').allTextContents();
    expect(options).toEqual([
      'Counsellor 1',
      'Counsellor 2',
      'Counsellor 3',
      'Not a counsellor (lead, analyst, administrator)',
    ]);
    expect(await text(page, 'main')).toContain("organisation's login (OIDC)");
    await expectAccessible(page, 'sign-in');
    await page.selectOption('#role', 'counsellor');
    await page.selectOption('#staffId', '');
    await page.click('button[type=submit]');
    expect(await text(page, '#staffId-error')).toContain(
      'a counsellor signs in as a member of the team',
    );
    expect(await page.getAttribute('#staffId', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#staffId', 'aria-describedby')).toContain('staffId-error');
    await expectAccessible(page, 'sign-in-error');
  });

  it('lets a counsellor accept an application, find the assigned founder on the board and book a session', async () => {
    statusUrl = await applyAsFounder('Ingrid Haugen');
    // The fresh team has no cases: the assignment rule's tie-break picks the smallest id.
    const page = await signIn('counsellor', 'Counsellor 1', 'board-before');
    expect(await text(page, 'section:has(#col-submitted)')).toContain('Ingrid Haugen');
    await page.click('button[aria-label="Accept: Ingrid Haugen"]');
    await page.waitForURL(/\/staff\/board\?done=accepted/);
    expect(await text(page, '[role=status]')).toContain('The application is accepted');

    // The journey (Temporal) asks counselling to assign the accepted founder.
    const card = page.locator('section:has(#stage-awaiting-first-meeting) a', {
      hasText: 'Ingrid Haugen',
    });
    await waitFor(
      async () => {
        await page.reload();
        return (await card.count()) === 1;
      },
      { description: 'the assigned founder on the board', timeoutMs: 90_000, intervalMs: 1_000 },
    );
    expect(await text(page, '#cases-heading')).toBe('My cases (1)');
    await expectAccessible(page, 'board');

    await card.click();
    await page.waitForURL(/\/staff\/founders\/[0-9a-f-]{36}$/);
    founderUrl = page.url();
    expect(await text(page, 'h1')).toBe('Ingrid Haugen');
    expect(await text(page, '#about-heading + dl')).toContain('Counsellor 1');
    const timeline = await text(page, '.timeline');
    expect(timeline).toContain('Application received');
    expect(timeline).toContain('Application decided: accepted');
    expect(timeline).toContain('Assigned to Counsellor 1');
    expect(await text(page, '#sessions-heading')).toBe('Sessions (0)');
    // The journey's stages come from the bridge (Temporal), once the workflow has moved on.
    await reloadUntil(page, '.timeline', 'Journey: Counsellor assigned');
    expect(await text(page, '.timeline')).toContain('Journey: Submitted');
    expect(await text(page, '#about-heading + dl')).toContain('Counsellor assigned');
    await expectAccessible(page, 'founder');

    const firstSlot = await page.locator('#book option').first().getAttribute('value');
    expect(firstSlot).toMatch(/^\d{4}-\d\d-\d\dT/);
    bookedSlot = firstSlot ?? '';
    // A second tab of the same counsellor, opened before the booking, offers the same time.
    const staleTab = await page.context().newPage();
    await staleTab.goto(founderUrl);
    await page.check('#mode-video');
    await page.click('text=Book the session');
    await page.waitForURL(/done=booked/);
    expect(await text(page, '#notice')).toContain('The session is booked');
    expect(await text(page, '#sessions-heading')).toBe('Sessions (1)');
    expect(await text(page, '.sessions [data-status]')).toBe('Booked');
    expect(await text(page, '.timeline')).toContain('Session booked: First meeting (60 min)');
    await reloadUntil(page, '#about-heading + dl', 'First session booked');
    await expectAccessible(page, 'founder-booked');

    // The session has not started: no outcome can be recorded yet, and the page says when.
    expect(await page.locator('.sessions textarea').count()).toBe(0);
    expect(await text(page, '.sessions')).toContain('once it has started');

    // The stale tab books the same time: refused in words at the form, not as a server error.
    expect(await staleTab.locator('#book option').first().getAttribute('value')).toBe(firstSlot);
    const refused = staleTab.waitForResponse((r) => r.url().endsWith('/appointments'));
    await staleTab.click('text=Book the session');
    expect((await refused).status()).toBe(409);
    expect(await text(staleTab, '#error-summary')).toMatch(/That time is no longer free|just now/);
    expect(await staleTab.getAttribute('#book', 'aria-invalid')).toBe('true');
    expect(await staleTab.getAttribute('#book', 'aria-describedby')).toBe('book-error');
    await expectAccessible(staleTab, 'founder-refused');
  });

  it('shows the founder the booked session on their status page, and their API gives no notes', async () => {
    const founder = await browser.newPage();
    await founder.goto(`${statusUrl}&lang=en`);
    const sessions = founder.locator('#sessions [data-appointment]');
    expect(await sessions.count()).toBe(1);
    expect(await sessions.textContent()).toContain(formatDateTime(bookedSlot, 'en'));
    await expectAccessible(founder, 'founder-status');

    const founderId = founderUrl.split('/').pop() ?? '';
    const token = new URL(statusUrl).searchParams.get('token') ?? '';
    const response = await fetch(`${stack.counselling!.url}/cases/${founderId}/appointments`, {
      headers: { 'founder-token': token },
    });
    expect(response.status).toBe(200);
    const { appointments } = (await response.json()) as {
      appointments: Array<{ status: string; kind: string; notes?: string }>;
    };
    expect(appointments).toHaveLength(1);
    expect(appointments[0]).toMatchObject({ status: 'booked', kind: 'first-meeting' });
    expect(appointments[0]?.notes).toBeUndefined();
  });

  it('lets the counsellor move the session and cancel it with a reason; the founder sees each change', async () => {
    const page = await signIn('counsellor', 'Counsellor 1', 'board-move');
    const founder = await browser.newPage();
    await page.goto(founderUrl);
    await page.click('a:has-text("Move this session")');
    await page.waitForURL(/\/move$/);
    await expectAccessible(page, 'move');
    const newSlot = (await page.locator('#move option').first().getAttribute('value')) ?? '';
    expect(newSlot).not.toBe(bookedSlot);
    await page.click('button:has-text("Move the session")');
    await page.waitForURL(/done=moved/);
    expect(await text(page, '#notice')).toContain('The session is moved');
    expect(await text(page, '.sessions h3')).toContain(whenText('en', newSlot));
    await founder.goto(`${statusUrl}&lang=en`);
    expect(await founder.textContent('#sessions')).toContain(formatDateTime(newSlot, 'en'));

    await page.selectOption('.sessions select[name=reasonCode]', 'founder-asked');
    await page.click('button:has-text("Cancel the session")');
    await page.waitForURL(/done=cancelled/);
    expect(await text(page, '.sessions [data-status]')).toBe('Cancelled');
    expect(await page.locator('a:has-text("Move this session")').count()).toBe(0);
    await expectAccessible(page, 'founder-cancelled');
    await founder.goto(`${statusUrl}&lang=en`);
    expect(await founder.textContent('#sessions .appointment-status')).toBe('cancelled');

    // Booked again, so the lead's reassignment below has a booking to cancel.
    await page.click('text=Book the session');
    await page.waitForURL(/done=booked/);
  });

  it('tells another counsellor that the founder is not their case', async () => {
    const page = await signIn('counsellor', 'Counsellor 2', 'board-other');
    expect(await text(page, '#cases-heading')).toBe('My cases (0)');
    const response = await page.goto(`${founderUrl}?lang=en`);
    expect(response?.status()).toBe(404);
    expect(await text(page, '[role=alert]')).toContain('This is not your case');
    await expectAccessible(page, 'not-your-case');
  });

  it('lets a lead see the load across counsellors and reassign the case', async () => {
    const page = await signIn(
      'lead',
      'Not a counsellor (lead, analyst, administrator)',
      'board-lead',
    );
    expect(await text(page, '#cases-heading')).toBe('All cases (1)');
    await page.click('text=Load across counsellors');
    await page.waitForURL(/\/staff\/team/);
    const open = (name: string) => text(page, `tr:has(th:text-is("${name}")) [data-open]`);
    expect(await open('Counsellor 1')).toBe('1');
    expect(await open('Counsellor 2')).toBe('0');
    await expectAccessible(page, 'team');

    await page.goto(founderUrl);
    await page.selectOption('#counsellorId', { label: 'Counsellor 2' });
    await page.fill('#note', 'Counsellor 1 is on a course this month');
    await page.click('button:has-text("Reassign")');
    await page.waitForURL(/done=reassigned/);
    expect(await text(page, '#notice')).toContain('The case has been reassigned');
    expect(await text(page, '#about-heading + dl')).toContain('Counsellor 2');
    expect(await text(page, '.timeline')).toContain('Assigned to Counsellor 2 (chosen by a lead)');
    // Moving a case cancels the founder's bookings with the old counsellor.
    expect(await page.locator('.sessions [data-status]').allTextContents()).toEqual([
      'Cancelled',
      'Cancelled',
    ]);
    await expectAccessible(page, 'founder-reassigned');

    await page.goto(`${stack.portal.url}/staff/team`);
    expect(await open('Counsellor 1')).toBe('0');
    expect(await open('Counsellor 2')).toBe('1');

    // The same pages in Norwegian bokmål.
    await page.goto(`${founderUrl}?lang=nb`);
    expect(await page.getAttribute('html', 'lang')).toBe('nb');
    expect(await text(page, '#timeline-heading')).toBe('Tidslinje');
    expect(await text(page, '.timeline')).toContain('Tildelt Counsellor 2 (valgt av en leder)');
    await expectAccessible(page, 'founder-nb');
    await page.goto(`${stack.portal.url}/staff/team`);
    expect(await text(page, 'h1')).toBe('Belastning per veileder');
    await expectAccessible(page, 'team-nb');
  });

  it("lets the lead close the case: it leaves the board and the founder's journey ends with the reason", async () => {
    const page = await signIn(
      'lead',
      'Not a counsellor (lead, analyst, administrator)',
      'board-lead-close',
    );
    await page.goto(`${founderUrl}?lang=en`);
    await page.selectOption('#closeReason', 'company-running');
    await page.click('button:has-text("Close the case")');
    await page.waitForURL(/done=closed/);
    expect(await text(page, '[role=status]')).toContain('The case is closed');
    expect(await text(page, '#cases-heading')).toBe('All cases (0)');
    await expectAccessible(page, 'board-closed');

    const founder = await browser.newPage();
    await founder.goto(`${statusUrl}&lang=en`);
    await reloadUntil(founder, '#journey-title + p', 'Closed');
    expect(await founder.textContent('main')).toContain('your company is up and running');
  });
});
