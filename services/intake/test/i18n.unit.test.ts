import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogueError, loadCatalogue } from '@grunderboost/i18n';
import { BUNDLED_MESSAGES_DIR } from '../src/i18n/bundled';
import { chooseLanguage, matchAcceptLanguage } from '@grunderboost/i18n';
import { localiseIssues } from '../src/i18n/validation-messages';
import { applicationRequestSchema } from '../src/http/schemas';
import { applicationBody } from './builders';

const catalogue = loadCatalogue(BUNDLED_MESSAGES_DIR, 'nb');

describe('message catalogue', () => {
  it('ships Norwegian bokmål and English with the same keys', () => {
    expect(catalogue.languages.map((l) => l.language)).toEqual(['en', 'nb']);
    expect(catalogue.t('nb', 'status.declined')).toBe('Ikke godkjent');
    expect(catalogue.t('en', 'status.declined')).toBe('Not accepted');
  });

  it('takes a new language, right-to-left included, from a file alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
    for (const language of ['nb', 'en']) {
      writeFileSync(
        join(dir, `${language}.json`),
        JSON.stringify({
          language,
          name: language,
          direction: 'ltr',
          messages: { 'status.declined': language },
        }),
      );
    }
    writeFileSync(
      join(dir, 'ar.json'),
      JSON.stringify({
        language: 'ar',
        name: 'العربية',
        direction: 'rtl',
        messages: { 'status.declined': 'غير مقبول' },
      }),
    );
    const withArabic = loadCatalogue(dir, 'nb');
    expect(withArabic.has('ar')).toBe(true);
    expect(withArabic.direction('ar')).toBe('rtl');
    expect(withArabic.t('ar', 'status.declined')).toBe('غير مقبول');
    // A key the new language lacks falls back to the default language.
    expect(withArabic.t('ar', 'status.missing')).toBe('status.missing');
  });

  it('refuses a malformed catalogue file by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
    writeFileSync(join(dir, 'nb.json'), JSON.stringify({ language: 'nb', messages: {} }));
    expect(() => loadCatalogue(dir, 'nb')).toThrow(/nb\.json/);
    expect(() => loadCatalogue(dir, 'nb')).toThrow(CatalogueError);
  });

  it('fills in placeholders', () => {
    expect(catalogue.t('en', 'validation.too_long', { max: 200 })).toBe(
      'Must be at most 200 characters.',
    );
  });
});

describe('language choice', () => {
  const available = ['en', 'nb'];

  it.each([
    ['en-GB,en;q=0.9', 'en'],
    ['nb-NO,nb;q=0.9,en;q=0.5', 'nb'],
    ['no', 'nb'],
    ['nn-NO', 'nb'],
    ['de;q=1, en;q=0.3', 'en'],
    ['en;q=0.2, nb;q=0.8', 'nb'],
  ])('matches Accept-Language %s to %s', (header, expected) => {
    expect(matchAcceptLanguage(header, available)).toBe(expected);
  });

  it('falls back to the stored preference, then to the default', () => {
    expect(
      chooseLanguage({ acceptLanguage: 'de', preferred: 'en', available, fallback: 'nb' }),
    ).toBe('en');
    expect(chooseLanguage({ acceptLanguage: undefined, available, fallback: 'nb' })).toBe('nb');
    expect(
      chooseLanguage({ acceptLanguage: 'en', preferred: 'nb', available, fallback: 'nb' }),
    ).toBe('en');
  });
});

describe('validation messages', () => {
  const schema = applicationRequestSchema(['en', 'nb']);
  const issuesOf = (body: unknown) => {
    const parsed = schema.safeParse(body);
    if (parsed.success) throw new Error('expected a validation failure');
    return parsed.error.issues;
  };

  it('explains a bad e-mail and a missing field in either language', () => {
    const body = applicationBody({ municipality: undefined });
    (body.contact as Record<string, unknown>).email = 'kari';
    const issues = issuesOf(body);
    expect(localiseIssues(issues, catalogue, 'nb')).toEqual(
      expect.arrayContaining([
        {
          path: 'contact.email',
          code: 'invalid_format',
          message: 'Oppgi en gyldig e-postadresse, for eksempel kari@example.no.',
        },
        { path: 'municipality', code: 'invalid_type', message: 'Må fylles ut.' },
      ]),
    );
    expect(localiseIssues(issues, catalogue, 'en')).toEqual(
      expect.arrayContaining([
        { path: 'municipality', code: 'invalid_type', message: 'Required.' },
      ]),
    );
  });

  it('names unknown fields and the allowed values', () => {
    const issues = issuesOf(applicationBody({ extra: 1, focusArea: 'mining' }));
    const messages = localiseIssues(issues, catalogue, 'en').map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Unknown field(s): extra.',
        'Must be one of: grunder, property-development, health-industry, visitor-industry-trade, other.',
      ]),
    );
  });
});
