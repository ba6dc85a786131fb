import { loadCatalogue } from '@grunderboost/i18n';
import type { PageContext } from '../src/layout';
import {
  cellText,
  formatMoment,
  formatNumber,
  formatPercent,
  periodLabel,
  valueLabel,
} from '../src/pages/dashboard-format';
import { missingStatisticsText } from '../src/pages/dashboard-missing';
import { SUPPRESSED } from '../src/pages/dashboard-model';
import { MESSAGES_DIR } from '../src/server';

const catalogue = loadCatalogue(MESSAGES_DIR, 'nb');
const context = (language: string): PageContext => ({
  language,
  catalogue,
  path: '/dashboard',
  signedIn: false,
});

describe('figures in the page language', () => {
  it('writes numbers and rates as each language does', () => {
    expect(formatNumber('nb', 0.4857, 4)).toBe('0,4857');
    expect(formatNumber('en', 0.4857, 4)).toBe('0.4857');
    expect(formatNumber('nb', 2100)).toMatch(/^2\s100$/);
    expect(formatNumber('en', 2100)).toBe('2,100');
    expect(formatPercent('nb', 0.125)).toMatch(/^12,5\s%$/);
    expect(formatPercent('en', 0.125)).toBe('12.5%');
  });

  it('names months and quarters in the language', () => {
    expect(periodLabel(context('nb'), '2026-12')).toBe('desember 2026');
    expect(periodLabel(context('en'), '2026-12')).toBe('December 2026');
    expect(periodLabel(context('nb'), '2026K4')).toBe('4. kvartal 2026');
    expect(periodLabel(context('en'), '2026K4')).toBe('Q4 2026');
  });

  it('writes moments in Norwegian time (summer time too)', () => {
    expect(formatMoment('nb', '2026-12-02T07:30:00Z')).toBe('2. desember 2026 kl. 08:30');
    expect(formatMoment('en', '2026-06-02T07:30:00Z')).toBe('2 June 2026 at 09:30');
  });

  it('says "fewer than 5" for a suppressed cell and names municipalities and focus areas', () => {
    expect(cellText(context('nb'), SUPPRESSED)).toBe('færre enn 5');
    expect(cellText(context('en'), SUPPRESSED)).toBe('fewer than 5');
    expect(cellText(context('en'), { value: 1234, suppressed: false })).toBe('1,234');
    expect(valueLabel(context('nb'), 'municipality', '3312')).toBe('Lier (3312)');
    expect(valueLabel(context('nb'), 'municipality', '4601')).toBe('4601');
    expect(valueLabel(context('en'), 'focusArea', 'health-industry')).toBe('Health industry');
  });
});

describe('missing public statistics', () => {
  const everything = ['population', 'jobs'].flatMap((kind) =>
    ['2019K4', '2026K3'].flatMap((quarter) =>
      ['3312', '3301'].map((municipality) => `${kind} ${municipality} ${quarter}`),
    ),
  );

  it('says what a new installation lacks in one sentence, not eight entries', () => {
    expect(missingStatisticsText(context('en'), everything)).toBe(
      'population Q4 2019, population Q3 2026, jobs Q4 2019, jobs Q3 2026 for Drammen (3301), Lier (3312)',
    );
  });

  it('keeps apart what only some municipalities lack, in the page language', () => {
    const text = missingStatisticsText(context('nb'), [
      'population 3301 2019K4',
      'population 3312 2019K4',
      'jobs 3312 2026K3',
    ]);
    expect(text).toBe(
      'befolkning 4. kvartal 2019 for Drammen (3301), Lier (3312); arbeidsplasser 3. kvartal 2026 for Lier (3312)',
    );
  });

  it('shows an entry it cannot read as it came', () => {
    expect(missingStatisticsText(context('en'), ['something else entirely'])).toBe(
      'something else entirely',
    );
    expect(missingStatisticsText(context('en'), [])).toBe('–');
  });
});
