import { parseCsv, toCsv } from '../src/http/csv';
import { parseStatisticsCsv } from '../src/http/statistics-csv';

describe('CSV', () => {
  it('quotes fields with commas, quotes and line breaks, and reads them back', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        ['x,y', 'say "hi"'],
        ['line\nbreak', null],
      ],
    );
    expect(text).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n');
    const parsed = parseCsv(text);
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x,y', 'say "hi"'] },
        { line: 3, fields: ['line\nbreak', ''] },
      ],
    });
  });

  it('refuses an unclosed quote with its line', () => {
    expect(parseCsv('a,b\n"open,1\n')).toMatchObject({ ok: false, line: 2 });
  });
});

describe('statistics import', () => {
  it('reads valid rows', () => {
    expect(parseStatisticsCsv('jobs', 'municipality,quarter,jobs\r\n3301,2019K4,50000\n')).toEqual({
      ok: true,
      rows: [{ municipality: '3301', quarter: '2019K4', value: 50_000 }],
    });
  });

  it('names the line of every bad row and of a repeated one', () => {
    const text = [
      'municipality,quarter,population',
      '3301,2019K4,100',
      'Drammen,2019K4,5',
      '3312,2019Q4,5',
      '3312,2019K4,-3',
      '3301,2019K4,7',
      '3301,2020K1',
    ].join('\n');
    const result = parseStatisticsCsv('population', text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.line)).toEqual([3, 4, 5, 6, 7]);
    expect(result.errors[0]?.message).toMatch(/kommunenummer/);
    expect(result.errors[3]?.message).toMatch(/also on line 2/);
  });

  it('wants the header of its kind', () => {
    expect(parseStatisticsCsv('jobs', 'municipality,quarter,population\n3301,2019K4,1')).toEqual({
      ok: false,
      errors: [{ line: 1, message: 'the first line must be municipality,quarter,jobs' }],
    });
  });
});
