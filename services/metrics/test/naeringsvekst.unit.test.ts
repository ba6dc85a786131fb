import { naeringsvekst } from '../src/domain/naeringsvekst';

/*
 * A hand-made data set, worked out by hand:
 *
 *   municipality  population 2019K4 → 2024K4   jobs 2019K4 → 2024K4
 *   3301 Drammen        100 000 → 103 000          50 000 → 51 200
 *   3312 Lier            26 000 →  27 000          10 000 → 10 300
 *
 *   new inhabitants = 3 000 + 1 000 = 4 000
 *   new jobs        = 1 200 +   300 = 1 500
 *   jobs per new inhabitant = 1 500 / 4 000 = 0.375 < 0.5: goal not met (needs 2 000 jobs)
 *   with 3301 alone: 1 200 / 3 000 = 0.4, not met; 3312 alone: 300 / 1 000 = 0.3, not met.
 *   If Lier had 10 800 jobs in 2024K4: new jobs 1 200 + 800 = 2 000 = 0.5 × 4 000: met.
 */
const drammen = {
  municipality: '3301',
  population: { from: 100_000, to: 103_000 },
  jobs: { from: 50_000, to: 51_200 },
};
const lier = {
  municipality: '3312',
  population: { from: 26_000, to: 27_000 },
  jobs: { from: 10_000, to: 10_300 },
};
const span = { from: '2019K4', to: '2024K4' };

describe('Næringsvekst indicator', () => {
  it('sums the growth of the municipalities and compares it with one job per two inhabitants', () => {
    const report = naeringsvekst(span, [drammen, lier], { fte: 12.5, founders: 7 });
    expect(report).toEqual({
      from: '2019K4',
      to: '2024K4',
      municipalities: ['3301', '3312'],
      newInhabitants: 4_000,
      newJobs: 1_500,
      jobsPerNewInhabitant: 0.375,
      goal: 0.5,
      met: false,
      jobsFromHelpedFounders: { value: 12.5, suppressed: false },
    });
  });

  it('is met exactly at half a job per new inhabitant', () => {
    const more = { ...lier, jobs: { from: 10_000, to: 10_800 } };
    const report = naeringsvekst(span, [drammen, more], { fte: 0, founders: 9 });
    expect(report.newJobs).toBe(2_000);
    expect(report.jobsPerNewInhabitant).toBe(0.5);
    expect(report.met).toBe(true);
  });

  it('has no ratio without population growth, and is met then only if jobs did not fall', () => {
    const shrinking = { ...drammen, population: { from: 100_000, to: 99_000 } };
    const report = naeringsvekst(span, [shrinking], { fte: 0, founders: 5 });
    expect(report.jobsPerNewInhabitant).toBeNull();
    expect(report.met).toBe(true);
  });

  it('suppresses the helped founders’ jobs when fewer than five founders made them', () => {
    const report = naeringsvekst(span, [drammen], { fte: 3, founders: 4 });
    expect(report.jobsFromHelpedFounders).toEqual({ value: null, suppressed: true });
  });
});
