import type { Increment, Summary } from '../domain/summary';
import type { Metric } from '../domain/founder-fact';
import type { PeriodKind } from '../domain/periods';
import type { CellFigures } from '../domain/report';

/** Where the counters live. Implementations must make applyOnce idempotent per event id. */
export interface SummaryStore {
  /**
   * Adds the increment unless one with the same event id was applied before, also when an
   * earlier attempt stopped half-way. Resolves true when this call counted it.
   */
  applyOnce(increment: Increment): Promise<boolean>;
  read(): Promise<Summary>;
}

export type Clock = () => Date;

export interface CellQuery {
  metrics: Metric[];
  period: PeriodKind;
  from?: string;
  to?: string;
  /** 'all', or the dimension to break down by. */
  dimension: string;
  /** Only these values of the dimension; empty: every value. */
  values: string[];
}

export type CellReader = (query: CellQuery) => Promise<CellFigures[]>;
