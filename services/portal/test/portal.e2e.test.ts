import { waitFor } from '@grunderboost/testkit';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations } from './browser';
import { startPortalStack, type PortalStack } from './portal-stack';

/**
 * The portal in real headless Chromium against the real intake and metrics services (their own
 * processes, their own database and topics), as a founder and a counsellor would use it.
 */
let stack: PortalStack;
let portalUrl: string;
let browser: Browser;

beforeAll(async () => {
  stack = await startPortalStack({ name: 'portal', backends: ['metrics'] });
  portalUrl = stack.portal.url;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function visit(path: string, name: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${portalUrl}${path}`);
  await expectAccessible(page, name);
  return page;
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page)).toEqual([]);
}

async function apply(language: 'en' | 'nb', name: string): Promise<Page> {
  const page = await visit(`/apply?lang=${language}`, `apply-${language}`);
  await page.fill('#name', name);
  await page.fill('#email', `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@example.no`);
  await page.fill(
    '#idea',
    language === 'en' ? 'A bicycle repair café' : 'Et sykkelverksted med kafé',
  );
  await page.selectOption('#language', language);
  await page.check('#consentProcessing');
  await page.check('#consentStatistics');
  await page.click('button[type=submit]');
  return page;
}

describe('the portal in a browser', () => {
  it('shows an English founder every problem of an empty form in English, next to its field', async () => {
    const page = await visit('/apply?lang=en', 'apply-empty');
    await page.fill('#municipality', '');
    await page.click('button[type=submit]');
    expect(await page.textContent('#error-summary')).toContain('Please correct the following');
    // Every placeholder of a message is filled in.
    expect(await page.textContent('#error-summary')).not.toMatch(/[{}]/);
    expect(await page.textContent('#name-error')).toMatch(/name/i);
    expect(await page.getAttribute('#name', 'aria-invalid')).toBe('true');
    await expectAccessible(page, 'apply-errors');
  });

  it('lets a founder apply with the keyboard alone, focus always visible and in reading order', async () => {
    const page = await browser.newPage();
    await page.goto(`${portalUrl}/apply?lang=en`);
    // Run in the page (a string: this project's TypeScript has no DOM types).
    const focused = () =>
      page.evaluate<{ id: string; outline: number }>(`(() => {
        const element = document.activeElement;
        const style = element === null ? undefined : getComputedStyle(element);
        return {
          id: element?.id || element?.className || element?.tagName || '',
          outline: !style || style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
        };
      })()`);
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ id: 'skip', outline: 3 });
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('main');

    // Tab through the form to its button; every stop shows its focus, in the order of the page.
    const stops: string[] = [];
    for (let i = 0; i < 60 && stops.at(-1) !== 'BUTTON'; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      expect(now.outline).toBeGreaterThanOrEqual(2);
      stops.push(now.id);
      if (now.id === 'name') await page.keyboard.type('Tariq Rahman');
      if (now.id === 'email') await page.keyboard.type(`tariq.${Date.now()}@example.no`);
      if (now.id === 'idea') await page.keyboard.type('Mobile bicycle repairs');
      if (now.id === 'consentProcessing') await page.keyboard.press('Space');
    }
    const domOrder = await page.evaluate<string[]>(
      `[...document.querySelectorAll('form input, form select, form textarea')].map((e) => e.id)`,
    );
    expect(stops.slice(0, -1)).toEqual(domOrder);
    expect(stops.slice(0, 2)).toEqual(['name', 'email']);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/apply$/);
    expect(await page.textContent('h1')).toBe('Thank you – we have your application');
  });

  it('lets a founder apply in English and one in Norwegian, and each sees their status in their language', async () => {
    const english = await apply('en', 'Amina Yusuf');
    expect(await english.textContent('h1')).toBe('Thank you – we have your application');
    await expectAccessible(english, 'confirmation-en');
    await english.click('text=See your application');
    expect(await english.textContent('#status')).toBe(
      'Received, waiting for a counsellor to look at it',
    );
    expect(await english.getAttribute('html', 'lang')).toBe('en');
    await expectAccessible(english, 'status-en');

    const norwegian = await apply('nb', 'Kari Nordmann');
    expect(await norwegian.textContent('h1')).toBe('Takk – vi har mottatt søknaden din');
    await norwegian.click('text=Se søknaden din');
    expect(await norwegian.textContent('#status')).toBe(
      'Mottatt, venter på at en veileder ser på den',
    );
    expect(await norwegian.getAttribute('html', 'lang')).toBe('nb');
    await expectAccessible(norwegian, 'status-nb');
  });

  it('lets a counsellor sign in, find the founders on the board and accept one; the founder sees it', async () => {
    const founder = await apply('en', 'Oleksandr Koval');
    await founder.click('text=See your application');
    const statusUrl = founder.url();

    const page = await visit('/staff/sign-in?lang=en', 'sign-in');
    await page.selectOption('#role', 'counsellor');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/staff\/board/);
    const waiting = page.locator('section', { has: page.locator('#col-submitted') });
    expect(await waiting.textContent()).toContain('Oleksandr Koval');
    expect(await waiting.textContent()).toContain('Amina Yusuf');
    await expectAccessible(page, 'board');
    await page.click('button[aria-label="Accept: Oleksandr Koval"]');
    await page.waitForURL(/\/staff\/board/);
    const accepted = page.locator('section', { has: page.locator('#col-accepted') });
    expect(await accepted.textContent()).toContain('Oleksandr Koval');

    await founder.goto(statusUrl);
    expect(await founder.textContent('#status')).toBe('Accepted: a counsellor will contact you');
  });

  it('lets a counsellor read an application and refer it with reasons; the founder reads them in Norwegian', async () => {
    const founder = await apply('nb', 'Ingrid Haugen');
    await founder.click('text=Se søknaden din');
    const statusUrl = founder.url();

    const page = await visit('/staff/sign-in?lang=en', 'sign-in-triage');
    await page.selectOption('#role', 'counsellor');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/staff\/board/);
    await page.click('a[aria-label="Read the application from Ingrid Haugen"]');
    expect(await page.textContent('h1')).toBe('Application from Ingrid Haugen');
    expect(await page.textContent('main')).toContain('Et sykkelverksted med kafé');
    await expectAccessible(page, 'triage');

    // A referral without a partner is explained at its field before anything is sent.
    await page.check('text=Refer to a partner');
    await page.check('text=Another service fits better');
    await page.click('text=Save the decision');
    expect(await page.textContent('#referredTo-error')).toBe(
      'Choose the partner you refer the founder to.',
    );
    await expectAccessible(page, 'triage-errors');
    await page.selectOption('#referredTo', 'business-association');
    await page.click('text=Save the decision');
    await page.waitForURL(/done=referred/);
    const referred = page.locator('section', { has: page.locator('#col-referred') });
    expect(await referred.textContent()).toContain('Ingrid Haugen');

    await founder.goto(statusUrl);
    expect(await founder.textContent('#status')).toBe('Henvist til et annet tilbud');
    expect(await founder.textContent('main')).toContain('Næringsforeningen i Drammensregionen');
    expect(await founder.textContent('main')).toContain('Et annet tilbud kan hjelpe deg bedre.');
  });

  it('shows the new applications on the dashboard, also as CSV', async () => {
    const page = await browser.newPage();
    await waitFor(
      async () => {
        await page.goto(`${portalUrl}/dashboard?lang=en`);
        const text = await page.textContent('[data-figure="applications"]');
        return Number(text) >= 3 ? true : undefined;
      },
      { description: 'three applications on the dashboard' },
    );
    await expectAccessible(page, 'dashboard');
    const csv = await (await fetch(`${portalUrl}/dashboard.csv`)).text();
    expect(csv).toMatch(/^figure,value\r\napplications,\d+\r\n/);
  });

  it('answers an address that does not exist with an accessible page in the chosen language', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${portalUrl}/staff/nowhere?lang=nb`);
    expect(response?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Fant ikke siden');
    await expectAccessible(page, 'not-found');
    await page.click('text=Gå til forsiden');
    expect(await page.getAttribute('html', 'lang')).toBe('nb');
  });
});
