import { freePort, waitFor } from '@grunderboost/testkit';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations } from './browser';
import { startPortalStack, type PortalStack } from './portal-stack';

/**
 * The dashboard in real headless Chromium, against the real intake and metrics services (their
 * own processes, database and topics) and the portal reading metrics with its development token.
 */
let stack: PortalStack;
let intakeUrl: string;
let metricsUrl: string;
let portalUrl: string;
let browser: Browser;

const MONTH = new Date().toISOString().slice(0, 7);
const QUARTER = (() => {
  const now = new Date();
  return `${now.getUTCFullYear()}K${Math.floor(now.getUTCMonth() / 3) + 1}`;
})();

beforeAll(async () => {
  stack = await startPortalStack({
    name: 'dashboard',
    backends: ['metrics'],
    portalEnv: {
      METRICS_DEV_TOKEN: 'true',
      NAERINGSVEKST_FROM: '2019K4',
      NAERINGSVEKST_TO: '2024K4',
      NAERINGSVEKST_MUNICIPALITIES: '3312,3314',
    },
  });
  [intakeUrl, metricsUrl, portalUrl] = [stack.intake.url, stack.metrics!.url, stack.portal.url];
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page)).toEqual([]);
}

let count = 0;
async function applyThroughIntake(municipality: string, focusArea: string): Promise<void> {
  count += 1;
  const consent = { granted: true, textVersion: '2026-01' };
  const response = await fetch(`${intakeUrl}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      contact: { name: `Founder ${count}`, email: `dashboard.${Date.now()}.${count}@example.no` },
      language: 'nb',
      municipality,
      idea: 'Et verksted for sykler og kaffe',
      sector: 'S',
      focusArea,
      stage: 'idea',
      organisationForm: 'ENK',
      needs: ['business-plan'],
      referralSource: 'nav',
      consents: { processing: consent, statistics: consent, sharing: {} },
    }),
  });
  expect(response.status).toBe(201);
}

async function analystToken(): Promise<string> {
  const response = await fetch(`${intakeUrl}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffId: 'analyst-1', roles: ['analyst'] }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function importStatistics(kind: 'population' | 'jobs', csv: string): Promise<void> {
  const response = await fetch(`${metricsUrl}/statistics/${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${await analystToken()}` },
    body: csv,
  });
  expect(response.status).toBe(200);
}

const cell = (page: Page, table: string, row: string, column: string) =>
  page.locator(`#${table} tr[data-row="${row}"] td[data-cell="${column}"]`);

const text = async (page: Page, table: string, row: string, column: string) =>
  ((await cell(page, table, row, column).textContent()) ?? '').trim();

describe('the dashboard in a browser', () => {
  it('shows the funnel and the breakdowns of new applications, a small group as "fewer than 5", and the same in CSV', async () => {
    // Five in Lier in the health industry (shown), two in Øvre Eiker in the visitor industry
    // (fewer than 5: suppressed). Nobody is accepted yet, and zero is suppressed too.
    for (let i = 0; i < 5; i++) await applyThroughIntake('3312', 'health-industry');
    for (let i = 0; i < 2; i++) await applyThroughIntake('3314', 'visitor-industry-trade');

    const page = await browser.newPage();
    await waitFor(
      async () => {
        await page.goto(`${portalUrl}/dashboard?lang=en`);
        const shown = [
          await text(page, 'funnel-table', QUARTER, 'applied'),
          await text(page, 'by-municipality-table', '3312', QUARTER),
          await text(page, 'by-focus-area-table', 'health-industry', QUARTER),
          await text(page, 'by-focus-area-table', 'visitor-industry-trade', QUARTER),
          // The open counters are metrics' other projection, kept up to date on their own.
          ((await page.textContent('#summary [data-figure="applications"]')) ?? '').trim(),
        ];
        return shown.join('|') === '7|5|5|fewer than 5|7' ? true : undefined;
      },
      {
        description: 'the seven applications on the dashboard',
        timeoutMs: 180_000,
        intervalMs: 1_000,
      },
    );
    expect(await text(page, 'by-municipality-table', '3314', QUARTER)).toBe('fewer than 5');
    expect(
      await cell(page, 'by-municipality-table', '3314', QUARTER).getAttribute('data-suppressed'),
    ).toBe('true');
    expect(await text(page, 'funnel-table', QUARTER, 'accepted')).toBe('fewer than 5');
    // The chart draws the same figures; the hatched marker stands for the suppressed cell.
    expect(await page.locator('#by-municipality-chart-title').textContent()).toContain(
      'Applications by municipality',
    );
    expect(await page.locator('#by-municipality svg rect[fill^="url(#"]').count()).toBeGreaterThan(
      0,
    );
    expect(await page.textContent('#summary [data-figure="applications"]')).toBe('7');
    await expectAccessible(page, 'dashboard-funnel-en');

    const funnelCsv = await (
      await fetch(`${portalUrl}/dashboard/funnel.csv?period=quarter&from=${QUARTER}&to=${QUARTER}`)
    ).text();
    expect(funnelCsv.split('\r\n')[0]).toBe(
      'period,all,applied,appliedSuppressed,accepted,acceptedSuppressed,assigned,assignedSuppressed,' +
        'firstSession,firstSessionSuppressed,companyRegistered,companyRegisteredSuppressed,' +
        'operating12,operating12Suppressed,operating36,operating36Suppressed,' +
        'daysToFirstSession,daysToFirstSessionSuppressed',
    );
    expect(funnelCsv).toContain(`\r\n${QUARTER},all,7,false,,true,`);
    const byMunicipality = await (await fetch(`${portalUrl}/dashboard/by-municipality.csv`)).text();
    expect(byMunicipality).toContain(`\r\n${QUARTER},3312,5,false,`);
    // The small group stays suppressed: no number in its applied cell, the flag set.
    expect(byMunicipality).toContain(`\r\n${QUARTER},3314,,true,`);

    // By month, in Norwegian: the same seven in this month's row, named as Norwegians write it.
    await page.goto(`${portalUrl}/dashboard?lang=nb&period=month`);
    expect(await text(page, 'funnel-table', MONTH, 'applied')).toBe('7');
    const monthName = new Intl.DateTimeFormat('nb', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date());
    expect(await page.textContent(`#funnel-table tr[data-row="${MONTH}"] th`)).toContain(monthName);
    expect(await page.textContent('#summary-updated')).toMatch(
      /^\s*Siste endring i tallene: \d+\. /,
    );
    await expectAccessible(page, 'dashboard-month-nb');
  }, 300_000);

  it('shows Næringsvekst against its goal from imported statistics, in the page language, and for one municipality chosen in the form', async () => {
    // Lier grows by 1500 inhabitants and 800 jobs, Øvre Eiker by 600 and 220:
    // (800 + 220) / (1500 + 600) = 1020 / 2100 = 0.485714… → 0.4857, under the goal 0.5.
    await importStatistics(
      'population',
      'municipality,quarter,population\n3312,2019K4,26000\n3312,2024K4,27500\n3314,2019K4,19000\n3314,2024K4,19600\n',
    );
    await importStatistics(
      'jobs',
      'municipality,quarter,jobs\n3312,2019K4,11000\n3312,2024K4,11800\n3314,2019K4,7000\n3314,2024K4,7220\n',
    );
    const page = await browser.newPage();
    await page.goto(`${portalUrl}/dashboard?lang=nb`);
    const value = (row: string) => text(page, 'naeringsvekst-table', row, 'value');
    expect(await value('jobsPerNewInhabitant')).toBe('0,4857');
    expect(await value('newInhabitants')).toMatch(/^2\s100$/);
    expect(await value('newJobs')).toMatch(/^1\s020$/);
    expect(await value('met')).toBe('Målet er ikke nådd ennå.');
    expect(await value('jobsFromHelpedFounders')).toBe('færre enn 5');
    expect(await page.textContent('#naeringsvekst-chart-title')).toContain(
      'Arbeidsplasser per ny innbygger',
    );
    expect(await page.getAttribute('html', 'lang')).toBe('nb');
    await expectAccessible(page, 'dashboard-naeringsvekst-nb');

    const csv = await (await fetch(`${portalUrl}/dashboard/naeringsvekst.csv`)).text();
    expect(csv.split('\r\n')[1]).toBe('2019K4,2024K4,3312 3314,2100,1020,0.4857,0.5,false,,true');

    // Lier alone: 800 / 1500 = 0.5333, the goal is met. The focus-area breakdown cannot be
    // crossed with a municipality, and the page says so.
    await page.selectOption('#filter-municipality', '3312');
    await page.click('.filters button[type=submit]');
    await page.waitForURL(/municipality=3312/);
    expect(await value('jobsPerNewInhabitant')).toBe('0,5333');
    expect(await value('met')).toBe('Målet er nådd.');
    expect(await page.getAttribute('#by-focus-area [data-unavailable]', 'data-unavailable')).toBe(
      'not-possible',
    );
    expect(await text(page, 'funnel-table', QUARTER, 'applied')).toBe('5');
    await expectAccessible(page, 'dashboard-lier-nb');

    await page.goto(`${portalUrl}/dashboard?lang=en`);
    expect(await value('jobsPerNewInhabitant')).toBe('0.4857');
    expect(await value('newInhabitants')).toBe('2,100');
  }, 120_000);

  it('answers bad filters with a readable page that says what to fix', async () => {
    const page = await browser.newPage();
    const response = await page.goto(
      `${portalUrl}/dashboard?lang=en&from=soon&municipality=3312&focusArea=grunder`,
    );
    expect(response?.status()).toBe(400);
    const summary = (await page.textContent('#error-summary')) ?? '';
    expect(summary).toContain('From must be a period like 2026K1.');
    expect(summary).toContain('Choose a municipality or a focus area, not both');
    expect(await page.getAttribute('#filter-from', 'aria-invalid')).toBe('true');
    await expectAccessible(page, 'dashboard-bad-filters');
    expect((await fetch(`${portalUrl}/dashboard/funnel.csv?from=soon`)).status).toBe(400);
    expect((await fetch(`${portalUrl}/dashboard/secrets.csv`)).status).toBe(404);
  });

  it('says the figures are unavailable when the metrics service does not answer, without failing', async () => {
    const closedPort = await freePort();
    const lonely = await stack.startPortal({
      METRICS_URL: `http://127.0.0.1:${closedPort}`,
      METRICS_DEV_TOKEN: 'true',
    });
    const page = await browser.newPage();
    const response = await page.goto(`${lonely.url}/dashboard?lang=en`);
    expect(response?.status()).toBe(200);
    const notices = await page.locator('[data-unavailable]').all();
    const reasons = await Promise.all(notices.map((n) => n.getAttribute('data-unavailable')));
    expect(reasons).toEqual([
      'unavailable',
      'unavailable',
      'unavailable',
      'unavailable',
      'unavailable',
    ]);
    expect(await page.textContent('#summary')).toContain(
      'The figures are not available right now.',
    );
    await expectAccessible(page, 'dashboard-metrics-down');
    expect((await fetch(`${lonely.url}/dashboard/funnel.csv`)).status).toBe(503);
  }, 90_000);
});
