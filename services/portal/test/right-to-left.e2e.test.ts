import { catalogueFromFiles, type CatalogueFile } from '@grunderboost/i18n';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PageContext } from '../src/layout';
import { applyPage } from '../src/pages/apply';
import { MESSAGES_DIR } from '../src/server';
import { launchBrowser, screenshot, seriousViolations } from './browser';

/**
 * The portal ships nb and en; a right-to-left language is one more catalogue file. This test adds
 * an Arabic test catalogue (a few messages, the rest fall back) and checks in Chromium that the
 * page mirrors: `dir` on <html>, the header and the form laid out from the right.
 */
const file = (path: string): CatalogueFile =>
  JSON.parse(readFileSync(path, 'utf8')) as CatalogueFile;
const catalogue = catalogueFromFiles(
  [
    file(join(MESSAGES_DIR, 'nb.json')),
    file(join(MESSAGES_DIR, 'en.json')),
    file(join(__dirname, 'fixtures', 'ar.json')),
  ],
  'nb',
);
const context = (language: string): PageContext => ({
  language,
  catalogue,
  path: '/apply',
  signedIn: false,
});

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function rendered(language: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.setContent(applyPage(context(language), {}, {}));
  return page;
}

const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).first().boundingBox();
  if (found === null) throw new Error(`${selector} is not shown`);
  return found;
};

describe('a right-to-left language', () => {
  it('mirrors the page: header and form start at the right, as they start at the left in English', async () => {
    const english = await rendered('en');
    expect(await english.getAttribute('html', 'dir')).toBe('ltr');
    expect((await box(english, '#name')).x).toBeLessThan(100);
    expect((await box(english, '.brand')).x).toBeLessThan((await box(english, '.languages')).x);

    const arabic = await rendered('ar');
    expect(await arabic.getAttribute('html', 'lang')).toBe('ar');
    expect(await arabic.getAttribute('html', 'dir')).toBe('rtl');
    expect(await arabic.textContent('h1')).toBe('قدّم طلبًا للحصول على إرشاد لبدء مشروع');
    const name = await box(arabic, '#name');
    expect(name.x + name.width).toBeGreaterThan(1280 - 100);
    expect((await box(arabic, '.brand')).x).toBeGreaterThan((await box(arabic, '.languages')).x);
    // The switch names each language in itself, marked with its own language.
    expect(await arabic.getAttribute('.languages a[hreflang="ar"]', 'lang')).toBe('ar');
    await screenshot(arabic, 'apply-rtl');
    expect(await seriousViolations(arabic)).toEqual([]);
  });
});
