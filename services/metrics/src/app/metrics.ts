import { incrementFor, type Summary } from '../domain/summary';
import type { Clock, SummaryStore } from './ports';

export type RecordOutcome = 'counted' | 'duplicate' | 'ignored';

export interface MetricsUseCases {
  /** Projects one integration event onto the counters. */
  recordEvent(event: { id: string; type: string }): Promise<RecordOutcome>;
  summary(): Promise<Summary>;
}

export function metricsUseCases(store: SummaryStore, clock: Clock): MetricsUseCases {
  return {
    async recordEvent(event) {
      const increment = incrementFor(event, clock());
      if (increment === undefined) {
        return 'ignored';
      }
      return (await store.applyOnce(increment)) ? 'counted' : 'duplicate';
    },
    summary: () => store.read(),
  };
}
