import type { CounterStep } from '../domain/projection';
import { DIMENSIONS, type FounderFact, type Metric } from '../domain/founder-fact';
import { periodKeyOf, type PeriodKind } from '../domain/periods';

/** One counter cell: a figure in one period for one value of one dimension. */
export interface CellDocument {
  _id: string;
  metric: Metric;
  period: PeriodKind;
  key: string;
  dimension: string;
  value: string;
  count: number;
  founders: number;
  sum: number;
  /** Sequence number of the last event that changed the cell (the idempotency guard). */
  lastSeq: number;
}

/** A planned change of one cell. */
export interface CellChange {
  id: string;
  fields: Omit<CellDocument, '_id' | 'count' | 'founders' | 'sum' | 'lastSeq'>;
  inc: { count: number; founders: number; sum: number };
}

/**
 * Sums are stored as whole hundredths (of a day, of an FTE): integer additions give the same
 * total in any order, so a rebuild matches the live projection to the last digit.
 */
export const SUM_SCALE = 100;

export const cellId = (metric: string, period: string, dimension: string, value: string) =>
  `${metric}|${period}|${dimension}|${value}`;

/**
 * The dimension cells a founder is counted in: always all founders; the breakdowns only with
 * consent to statistics.
 */
export function dimensionsOf(fact: FounderFact): Array<[string, string]> {
  const all: [string, string] = ['all', 'all'];
  if (!fact.statistics) return [all];
  return [all, ...DIMENSIONS.map((dimension): [string, string] => [dimension, fact[dimension]])];
}

/** Every cell change of a plan's steps, merged per cell (one guarded update per cell). */
export function cellChanges(fact: FounderFact, steps: CounterStep[]): CellChange[] {
  const changes = new Map<string, CellChange>();
  for (const step of steps) {
    for (const period of step.periods) {
      const key = periodKeyOf(period, step.at);
      for (const [dimension, value] of dimensionsOf(fact)) {
        const id = cellId(step.metric, key, dimension, value);
        const change = changes.get(id) ?? {
          id,
          fields: { metric: step.metric, period, key, dimension, value },
          inc: { count: 0, founders: 0, sum: 0 },
        };
        change.inc.count += step.count;
        change.inc.founders += step.founders;
        change.inc.sum += Math.round(step.sum * SUM_SCALE);
        changes.set(id, change);
      }
    }
  }
  return [...changes.values()];
}
