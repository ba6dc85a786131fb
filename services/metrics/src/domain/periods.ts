/**
 * Calendar periods of the figures. Months and quarters are taken in UTC: an event's period is
 * then the same on every machine, and a rebuild puts it in the same cell as the live projection.
 */

export type PeriodKind = 'month' | 'quarter';

/** `2026-03`. */
export function monthOf(at: Date): string {
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `2026K1`, the way Statistics Norway writes quarters. */
export function quarterOf(at: Date): string {
  return `${at.getUTCFullYear()}K${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

export const periodKeyOf = (kind: PeriodKind, at: Date): string =>
  kind === 'month' ? monthOf(at) : quarterOf(at);

export const QUARTER = /^(\d{4})K([1-4])$/;
export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Quarters as consecutive integers, so spans can be counted and compared. */
export function quarterIndex(quarter: string): number {
  const match = QUARTER.exec(quarter);
  if (match === null) throw new Error(`not a quarter: ${quarter}`);
  return Number(match[1]) * 4 + Number(match[2]) - 1;
}

export const quarterAt = (index: number): string => `${Math.floor(index / 4)}K${(index % 4) + 1}`;

/** Every quarter from `from` to `to`, both included. */
export function quartersBetween(from: string, to: string): string[] {
  const quarters: string[] = [];
  for (let index = quarterIndex(from); index <= quarterIndex(to); index++) {
    quarters.push(quarterAt(index));
  }
  return quarters;
}

/** Whether a period key of the kind lies in [from, to]; keys of one kind sort as text. */
export const inSpan = (key: string, from?: string, to?: string): boolean =>
  (from === undefined || key >= from) && (to === undefined || key <= to);
