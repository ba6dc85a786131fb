import type { AnyEvent } from '@grunderboost/contracts';
import type { FounderFact } from '../src/domain/founder-fact';
import { planFor } from '../src/domain/projection';
import { cellChanges, SUM_SCALE } from '../src/persistence/cells';
import * as build from './builders';

/** Applies events in order to an in-memory fact, as the store does, and sums the steps. */
function run(events: AnyEvent[]) {
  let fact: FounderFact | undefined;
  const totals = new Map<string, { count: number; founders: number; sum: number }>();
  for (const event of events) {
    const plan = planFor(event, fact);
    fact = plan.fact ?? fact;
    if (fact === undefined) continue;
    for (const change of cellChanges(fact, plan.steps)) {
      const total = totals.get(change.id) ?? { count: 0, founders: 0, sum: 0 };
      totals.set(change.id, {
        count: total.count + change.inc.count,
        founders: total.founders + change.inc.founders,
        sum: total.sum + change.inc.sum / SUM_SCALE,
      });
    }
  }
  return { fact, cell: (id: string) => totals.get(id) };
}

describe('projection plan', () => {
  const founder = build.newFounder();

  it('counts the funnel steps once per founder in the month and quarter of application', () => {
    const { cell } = run([
      build.submitted(founder, { municipality: '3312', submittedAt: '2026-02-03T10:00:00Z' }),
      build.triaged(founder),
      build.assigned(founder),
      build.assigned(founder), // a second assignment is no second founder
      build.submitted(founder), // nor a second application
    ]);
    expect(cell('applied|2026-02|all|all')).toEqual({ count: 1, founders: 1, sum: 0 });
    expect(cell('applied|2026K1|municipality|3312')).toEqual({ count: 1, founders: 1, sum: 0 });
    expect(cell('assigned|2026-02|language|nb')).toEqual({ count: 1, founders: 1, sum: 0 });
    expect(cell('accepted|2026K1|referralSource|nav')?.count).toBe(1);
  });

  it('counts every session in its month, the founder once, and the days to the first', () => {
    const { cell } = run([
      build.submitted(founder, { submittedAt: '2026-01-10T09:00:00Z' }),
      build.completed(founder, '2026-01-20T09:00:00Z'),
      build.completed(founder, '2026-01-27T09:00:00Z'),
      build.noShow(founder, '2026-02-03T09:00:00Z'),
    ]);
    expect(cell('sessionsDelivered|2026-01|all|all')).toEqual({ count: 2, founders: 1, sum: 0 });
    expect(cell('firstSession|2026-01|all|all')?.count).toBe(1);
    expect(cell('timeToFirstSession|2026-01|all|all')).toEqual({ count: 1, founders: 1, sum: 10 });
    expect(cell('noShows|2026-02|all|all')).toEqual({ count: 1, founders: 1, sum: 0 });
  });

  it('counts jobs as the change in FTE between follow-ups, and operating at 12 months', () => {
    const { cell } = run([
      build.submitted(founder),
      build.outcome(founder, { months: 3, fte: 1, at: '2026-05-01T00:00:00Z' }),
      build.outcome(founder, { months: 12, fte: 2.5, at: '2027-02-01T00:00:00Z', funding: true }),
      build.outcome(founder, { months: 6, fte: 9, at: '2027-03-01T00:00:00Z' }), // late, older
    ]);
    expect(cell('jobsCreated|2026K2|all|all')?.sum).toBe(1);
    expect(cell('jobsCreated|2027K1|all|all')?.sum).toBe(1.5);
    expect(cell('jobsCreated|2027-03|all|all')).toBeUndefined();
    expect(cell('operating12|2026-01|all|all')?.count).toBe(1);
    expect(cell('fundingObtained|2027-02|all|all')?.count).toBe(1);
  });

  it('counts a founder without consent to statistics only among all founders', () => {
    const { cell } = run([
      build.submitted(founder, { statistics: false }),
      build.assigned(founder),
    ]);
    expect(cell('assigned|2026-01|all|all')?.count).toBe(1);
    expect(cell('assigned|2026-01|municipality|3301')).toBeUndefined();
  });

  it('ignores events of founders it has no application of', () => {
    expect(planFor(build.assigned(build.newFounder()), undefined)).toEqual({ steps: [] });
  });
});
