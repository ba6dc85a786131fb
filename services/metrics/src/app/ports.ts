import type { Increment, Summary } from '../domain/summary';

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
