/** Months ('2026-03') and quarters ('2026K1'), as the metrics service names its periods. */
export type PeriodKind = 'month' | 'quarter';

export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const QUARTER = /^(\d{4})K([1-4])$/;

/** More periods than this make charts nobody can read; the form says so. */
export const MAX_PERIODS = 36;

const perYear = (kind: PeriodKind) => (kind === 'month' ? 12 : 4);

/** A period as a running number (year × periods per year + index), for stepping and counting. */
function ordinal(kind: PeriodKind, period: string): number | undefined {
  const match = (kind === 'month' ? MONTH : QUARTER).exec(period);
  if (match === null) return undefined;
  return Number(match[1]) * perYear(kind) + Number(match[2]) - 1;
}

function fromOrdinal(kind: PeriodKind, n: number): string {
  const year = Math.floor(n / perYear(kind));
  const index = (n % perYear(kind)) + 1;
  return kind === 'month' ? `${year}-${String(index).padStart(2, '0')}` : `${year}K${index}`;
}

export const isPeriod = (kind: PeriodKind, period: string): boolean =>
  ordinal(kind, period) !== undefined;

/** The period `date` falls in (UTC, as the metrics service counts). */
export function periodOf(kind: PeriodKind, date: Date): string {
  const month = date.getUTCMonth();
  const n =
    date.getUTCFullYear() * perYear(kind) + (kind === 'month' ? month : Math.floor(month / 3));
  return fromOrdinal(kind, n);
}

export function shiftPeriod(kind: PeriodKind, period: string, by: number): string {
  const n = ordinal(kind, period);
  if (n === undefined) throw new Error(`not a ${kind}: ${period}`);
  return fromOrdinal(kind, n + by);
}

/** Every period from `from` to `to`, both included (empty when `to` is before `from`). */
export function periodsBetween(kind: PeriodKind, from: string, to: string): string[] {
  const start = ordinal(kind, from);
  const end = ordinal(kind, to);
  if (start === undefined || end === undefined) return [];
  return Array.from({ length: Math.max(0, end - start + 1) }, (_, i) =>
    fromOrdinal(kind, start + i),
  );
}
