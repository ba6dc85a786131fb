import { csvField, naeringsvekstCsv, reportCsv } from '../src/pages/dashboard-csv';
import { parseFilters } from '../src/pages/dashboard-filters';
import { SUPPRESSED, type Report } from '../src/pages/dashboard-model';
import { periodOf, periodsBetween } from '../src/pages/dashboard-periods';

const report: Report = {
  period: 'quarter',
  dimension: 'municipality',
  rows: [
    {
      period: '2026K4',
      value: '3301',
      figures: { applied: { value: 6, suppressed: false }, accepted: SUPPRESSED },
    },
  ],
};

describe('reportCsv', () => {
  it('writes one line per row, a suppressed cell empty with its flag, CRLF', () => {
    expect(reportCsv(['applied', 'accepted'], report)).toBe(
      'period,municipality,applied,appliedSuppressed,accepted,acceptedSuppressed\r\n' +
        '2026K4,3301,6,false,,true\r\n',
    );
  });

  it('writes a figure metrics left out as suppressed, never as 0', () => {
    expect(reportCsv(['operating36'], report)).toContain('2026K4,3301,,true\r\n');
  });

  it('writes only the header when there are no rows', () => {
    expect(reportCsv(['applied'], { ...report, rows: [] })).toBe(
      'period,municipality,applied,appliedSuppressed\r\n',
    );
  });
});

describe('csvField', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(-1.5)).toBe('-1.5');
  });

  it('keeps text a spreadsheet would run as a formula from running', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('naeringsvekstCsv', () => {
  it('writes the indicator with the helped founders suppressed', () => {
    const csv = naeringsvekstCsv({
      from: '2019K4',
      to: '2024K4',
      municipalities: ['3301', '3312'],
      newInhabitants: 5000,
      newJobs: 2100,
      jobsPerNewInhabitant: 0.42,
      goal: 0.5,
      met: false,
      jobsFromHelpedFounders: SUPPRESSED,
    });
    expect(csv.split('\r\n')[1]).toBe('2019K4,2024K4,3301 3312,5000,2100,0.42,0.5,false,,true');
  });
});

describe('the filters', () => {
  const now = new Date('2026-12-02T08:00:00Z');

  it('default to the last four quarters', () => {
    const { filters, errors } = parseFilters({}, now);
    expect(errors).toEqual([]);
    expect(filters).toEqual({ period: 'quarter', from: '2026K1', to: '2026K4' });
  });

  it('take months for a quarter report as their quarters, and the other way round', () => {
    expect(
      parseFilters({ period: 'quarter', from: '2026-02', to: '2026-11' }, now).filters,
    ).toMatchObject({
      from: '2026K1',
      to: '2026K4',
    });
    expect(
      parseFilters({ period: 'month', from: '2026K2', to: '2026K2' }, now).filters,
    ).toMatchObject({
      from: '2026-04',
      to: '2026-06',
    });
  });

  it('refuse a municipality and a focus area together, bad periods and a span backwards', () => {
    const both = parseFilters({ municipality: '3301', focusArea: 'grunder' }, now);
    expect(both.errors.map((e) => e.key)).toEqual(['dashboard.error.oneDimension']);
    const bad = parseFilters({ from: 'soon', to: '2025K1', focusArea: '<x>' }, now);
    expect(bad.errors.map((e) => e.field)).toEqual(['from', 'focusArea']);
    const backwards = parseFilters({ from: '2026K3', to: '2026K1' }, now);
    expect(backwards.errors.map((e) => e.key)).toEqual(['dashboard.error.order']);
    const lists = parseFilters({ municipality: ['3301', '3312'] }, now);
    expect(lists.errors.map((e) => e.key)).toEqual(['dashboard.error.municipality']);
  });

  it('count periods across a year end', () => {
    expect(periodsBetween('month', '2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(periodOf('quarter', new Date('2026-03-31T23:59:59Z'))).toBe('2026K1');
  });
});
