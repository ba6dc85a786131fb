import type { SummaryStore } from '../src/app/ports';
import { metricsUseCases } from '../src/app/metrics';
import { EMPTY_SUMMARY, type Summary } from '../src/domain/summary';

/** The store's contract in memory: one increment per event id. */
function memoryStore(): SummaryStore {
  const seen = new Set<string>();
  let summary: Summary = { ...EMPTY_SUMMARY };
  return {
    async applyOnce({ eventId, counter, at }) {
      if (seen.has(eventId)) return false;
      seen.add(eventId);
      summary = { ...summary, [counter]: summary[counter] + 1, updatedAt: at };
      return true;
    },
    async read() {
      return summary;
    },
  };
}

describe('metrics use cases', () => {
  const now = new Date('2026-03-04T12:42:07.218Z');
  const submitted = (id: string) => ({ id, type: 'intake.ApplicationSubmitted.v1' });
  const assigned = (id: string) => ({ id, type: 'counselling.CounsellorAssigned.v1' });

  it('starts at zero', async () => {
    const useCases = metricsUseCases(memoryStore(), () => now);
    expect(await useCases.summary()).toEqual({ applications: 0, assignments: 0, updatedAt: null });
  });

  it('counts each event once and ignores other types', async () => {
    const useCases = metricsUseCases(memoryStore(), () => now);
    expect(await useCases.recordEvent(submitted('a'))).toBe('counted');
    expect(await useCases.recordEvent(submitted('a'))).toBe('duplicate');
    expect(await useCases.recordEvent(submitted('b'))).toBe('counted');
    expect(await useCases.recordEvent(assigned('c'))).toBe('counted');
    expect(await useCases.recordEvent({ id: 'd', type: 'intake.ApplicationTriaged.v1' })).toBe(
      'ignored',
    );
    expect(await useCases.summary()).toEqual({ applications: 2, assignments: 1, updatedAt: now });
  });
});
