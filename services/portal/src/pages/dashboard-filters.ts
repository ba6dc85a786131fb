import {
  MAX_PERIODS,
  MONTH,
  periodOf,
  periodsBetween,
  QUARTER,
  shiftPeriod,
  type PeriodKind,
} from './dashboard-periods';

export const FOCUS_AREAS = [
  'grunder',
  'property-development',
  'health-industry',
  'visitor-industry-trade',
  'other',
] as const;

/** The region's municipalities (2024 numbers) with their names, for the filter and the charts. */

export interface Filters {
  period: PeriodKind;
  from: string;
  to: string;
  municipality?: string;
  focusArea?: string;
}

/** A problem with one field of the filter form, as a message key with its parameters. */
export interface FilterError {
  field: 'period' | 'from' | 'to' | 'municipality' | 'focusArea';
  key: string;
  params?: Record<string, string | number>;
}

export interface ParsedFilters {
  filters: Filters;
  /** What the reader typed, to show it again next to the errors. */
  values: Record<string, string>;
  errors: FilterError[];
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() : undefined;

/**
 * A month given for a quarter report is taken as its quarter, and a quarter for a month report
 * as its first or last month, so switching the period kind alone never makes the form fail.
 */
function asPeriod(kind: PeriodKind, value: string, edge: 'from' | 'to'): string | undefined {
  const month = MONTH.exec(value);
  const quarter = QUARTER.exec(value);
  if (kind === 'month' && month !== null) return value;
  if (kind === 'quarter' && quarter !== null) return value;
  if (kind === 'quarter' && month !== null) return `${month[1]}K${Math.ceil(Number(month[2]) / 3)}`;
  if (kind === 'month' && quarter !== null) {
    const last = Number(quarter[2]) * 3 - (edge === 'from' ? 2 : 0);
    return `${quarter[1]}-${String(last).padStart(2, '0')}`;
  }
  return undefined;
}

type FieldValues = Record<'period' | 'from' | 'to' | 'municipality' | 'focusArea', string>;

/** The period kind and span; an empty field takes its default (the last four quarters/12 months). */
function parseSpan(values: FieldValues, now: Date, errors: FilterError[]) {
  let period: PeriodKind = 'quarter';
  if (values.period === 'month' || values.period === 'quarter') period = values.period;
  else if (values.period !== '') errors.push({ field: 'period', key: 'dashboard.error.period' });
  const example = period === 'month' ? '2026-03' : '2026K1';
  const to = values.to === '' ? periodOf(period, now) : asPeriod(period, values.to, 'to');
  const back = period === 'month' ? -11 : -3;
  const from =
    values.from !== ''
      ? asPeriod(period, values.from, 'from')
      : to && shiftPeriod(period, to, back);
  if (from === undefined)
    errors.push({ field: 'from', key: 'dashboard.error.from', params: { example } });
  if (to === undefined)
    errors.push({ field: 'to', key: 'dashboard.error.to', params: { example } });
  if (from !== undefined && to !== undefined) {
    const count = periodsBetween(period, from, to).length;
    if (count === 0) errors.push({ field: 'to', key: 'dashboard.error.order' });
    if (count > MAX_PERIODS)
      errors.push({ field: 'from', key: 'dashboard.error.tooLong', params: { max: MAX_PERIODS } });
  }
  return { period, from, to };
}

/** At most one of municipality and focus area, each from its list. */
function parseDimension(
  query: Record<string, unknown>,
  values: FieldValues,
  errors: FilterError[],
) {
  // A field given twice (?municipality=a&municipality=b) is no choice the form can make.
  for (const field of ['municipality', 'focusArea'] as const) {
    if (query[field] !== undefined && typeof query[field] !== 'string')
      errors.push({ field, key: `dashboard.error.${field}` });
  }
  const municipality = values.municipality === '' ? undefined : values.municipality;
  if (municipality !== undefined && !/^\d{4}$/.test(municipality))
    errors.push({ field: 'municipality', key: 'dashboard.error.municipality' });
  const focusArea = values.focusArea === '' ? undefined : values.focusArea;
  if (focusArea !== undefined && !(FOCUS_AREAS as readonly string[]).includes(focusArea))
    errors.push({ field: 'focusArea', key: 'dashboard.error.focusArea' });
  // The metrics service keeps its cells per one dimension: crossing two would make tiny groups.
  if (municipality !== undefined && focusArea !== undefined)
    errors.push({ field: 'focusArea', key: 'dashboard.error.oneDimension' });
  return {
    ...(municipality === undefined ? {} : { municipality }),
    ...(focusArea === undefined ? {} : { focusArea }),
  };
}

/** The filter form's query (a plain GET form). */
export function parseFilters(query: Record<string, unknown>, now: Date): ParsedFilters {
  const values = Object.fromEntries(
    ['period', 'from', 'to', 'municipality', 'focusArea'].map((name) => [
      name,
      text(query[name]) ?? '',
    ]),
  ) as FieldValues;
  const errors: FilterError[] = [];
  const dimension = parseDimension(query, values, errors);
  const { period, from, to } = parseSpan(values, now, errors);
  // Errors are listed in the order of the form's fields.
  const order = ['period', 'from', 'to', 'municipality', 'focusArea'];
  errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return {
    filters: {
      period,
      from: from ?? periodOf(period, now),
      to: to ?? periodOf(period, now),
      ...dimension,
    },
    values: { ...values, period, from: from ?? values.from, to: to ?? values.to },
    errors,
  };
}

/** The filters as a query string (for the metrics service and the CSV links). */
export function filterQuery(filters: Filters): string {
  const query = new URLSearchParams({ period: filters.period, from: filters.from, to: filters.to });
  if (filters.municipality !== undefined) query.set('municipality', filters.municipality);
  if (filters.focusArea !== undefined) query.set('focusArea', filters.focusArea);
  return query.toString();
}
