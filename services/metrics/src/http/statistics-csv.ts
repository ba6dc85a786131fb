import { z } from 'zod';
import type { StatisticKind } from '../domain/naeringsvekst';
import { QUARTER } from '../domain/periods';
import type { StatisticRow } from '../persistence/statistics-store';
import { parseCsv } from './csv';

export interface RowError {
  line: number;
  message: string;
}

export type StatisticsImport =
  { ok: true; rows: StatisticRow[] } | { ok: false; errors: RowError[] };

const MAX_ERRORS = 50;

const rowSchema = z.object({
  municipality: z.string().regex(/^\d{4}$/, 'municipality must be a 4-digit kommunenummer'),
  quarter: z.string().regex(QUARTER, 'quarter must look like 2019K4'),
  value: z
    .string()
    .regex(/^\d{1,9}$/, 'the figure must be a whole number of at least 0')
    .transform(Number),
});

/**
 * Validates an import of `municipality,quarter,<kind>` row by row; every problem names its
 * line, and a (municipality, quarter) that appears twice is refused rather than guessed at.
 */
export function parseStatisticsCsv(kind: StatisticKind, text: string): StatisticsImport {
  const parsed = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return { ok: false, errors: [{ line: parsed.line, message: parsed.error }] };
  const [header, ...records] = parsed.records;
  const expected = `municipality,quarter,${kind}`;
  if (header === undefined || header.fields.map((f) => f.trim()).join(',') !== expected) {
    return { ok: false, errors: [{ line: 1, message: `the first line must be ${expected}` }] };
  }
  if (records.length === 0) return { ok: false, errors: [{ line: 2, message: 'no rows' }] };
  const errors: RowError[] = [];
  const rows: StatisticRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    if (errors.length >= MAX_ERRORS) break;
    if (record.fields.length !== 3) {
      errors.push({
        line: record.line,
        message: `expected 3 fields, found ${record.fields.length}`,
      });
      continue;
    }
    const [municipality, quarter, value] = record.fields.map((f) => f.trim());
    const row = rowSchema.safeParse({ municipality, quarter, value });
    if (!row.success) {
      errors.push({
        line: record.line,
        message: row.error.issues.map((i) => i.message).join('; '),
      });
      continue;
    }
    const key = `${row.data.municipality}|${row.data.quarter}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({
        line: record.line,
        message: `${key.replace('|', ' ')} is also on line ${earlier}`,
      });
      continue;
    }
    seen.set(key, record.line);
    rows.push(row.data);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
