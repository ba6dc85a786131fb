import { buildRows, FUNNEL_REPORT, OUTCOMES_REPORT, type CellFigures } from '../src/domain/report';

const cell = (
  metric: CellFigures['metric'],
  count: number,
  founders: number,
  sum = 0,
): CellFigures => ({
  metric,
  key: '2026-01',
  dimension: 'municipality',
  value: '3301',
  count,
  founders,
  sum,
});

describe('report rows', () => {
  it('shows figures about five founders or more, and suppresses smaller ones', () => {
    const [row] = buildRows(FUNNEL_REPORT, [
      cell('applied', 5, 5),
      cell('accepted', 4, 4),
      cell('timeToFirstSession', 5, 5, 22),
    ]);
    expect(row?.figures.applied).toEqual({ value: 5, suppressed: false });
    expect(row?.figures.accepted).toEqual({ value: null, suppressed: true });
    expect(row?.figures.assigned).toEqual({ value: null, suppressed: true }); // zero is small too
    expect(row?.figures.daysToFirstSession).toEqual({ value: 4.4, suppressed: false });
  });

  it('suppresses a rate when its part is about fewer than five founders', () => {
    const rows = (noShowFounders: number) =>
      buildRows(OUTCOMES_REPORT, [
        cell('sessionsDelivered', 40, 12),
        cell('noShows', 8, noShowFounders),
      ]);
    expect(rows(5)[0]?.figures.noShowRate).toEqual({ value: 0.1667, suppressed: false });
    expect(rows(4)[0]?.figures.noShowRate).toEqual({ value: null, suppressed: true });
    expect(rows(4)[0]?.figures.sessionsDelivered).toEqual({ value: 40, suppressed: false });
  });
});
