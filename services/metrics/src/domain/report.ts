import type { Metric } from './founder-fact';
import { round, shown, shownRatio, type Shown } from './suppression';

/** The stored figures of one cell, as the report reads them. */
export interface CellFigures {
  metric: Metric;
  key: string;
  dimension: string;
  value: string;
  count: number;
  founders: number;
  sum: number;
}

/** One row of a report: one period, one dimension value, every figure already suppressed. */
export interface ReportRow {
  period: string;
  dimension: string;
  value: string;
  figures: Record<string, Shown>;
}

type Lookup = (metric: Metric) => { count: number; founders: number; sum: number };

/** A report: which metrics it reads, and how one row's figures derive from them. */
export interface ReportDefinition {
  metrics: Metric[];
  figures: readonly string[];
  row: (cell: Lookup) => Record<string, Shown>;
}

const founderCount = (cell: { founders: number; count: number }) =>
  shown(cell.count, cell.founders);

export const FUNNEL_REPORT: ReportDefinition = {
  metrics: [
    'applied',
    'accepted',
    'assigned',
    'firstSession',
    'companyRegistered',
    'operating12',
    'operating36',
    'timeToFirstSession',
  ],
  figures: [
    'applied',
    'accepted',
    'assigned',
    'firstSession',
    'companyRegistered',
    'operating12',
    'operating36',
    'daysToFirstSession',
  ],
  row: (cell) => {
    const days = cell('timeToFirstSession');
    return {
      applied: founderCount(cell('applied')),
      accepted: founderCount(cell('accepted')),
      assigned: founderCount(cell('assigned')),
      firstSession: founderCount(cell('firstSession')),
      companyRegistered: founderCount(cell('companyRegistered')),
      operating12: founderCount(cell('operating12')),
      operating36: founderCount(cell('operating36')),
      // The mean is over the founders who had a first session: shown only for five or more.
      daysToFirstSession: shown(
        round(days.count === 0 ? 0 : days.sum / days.count, 1),
        days.founders,
      ),
    };
  },
};

export const OUTCOMES_REPORT: ReportDefinition = {
  metrics: ['sessionsDelivered', 'noShows', 'jobsCreated', 'fundingObtained'],
  figures: ['sessionsDelivered', 'noShows', 'noShowRate', 'jobsCreatedFte', 'fundingObtained'],
  row: (cell) => {
    const sessions = cell('sessionsDelivered');
    const noShows = cell('noShows');
    const booked = {
      value: sessions.count + noShows.count,
      // At least as many founders as the larger of the two; exact would need another counter.
      founders: Math.max(sessions.founders, noShows.founders),
    };
    const jobs = cell('jobsCreated');
    return {
      sessionsDelivered: shown(sessions.count, sessions.founders),
      noShows: shown(noShows.count, noShows.founders),
      noShowRate: shownRatio({ value: noShows.count, founders: noShows.founders }, booked),
      jobsCreatedFte: shown(round(jobs.sum, 2), jobs.founders),
      fundingObtained: founderCount(cell('fundingObtained')),
    };
  },
};

/** Groups cells into rows by (period, dimension value), sorted, and derives the figures. */
export function buildRows(definition: ReportDefinition, cells: CellFigures[]): ReportRow[] {
  const groups = new Map<
    string,
    { period: string; dimension: string; value: string; cells: CellFigures[] }
  >();
  for (const cell of cells) {
    const id = `${cell.key}|${cell.dimension}|${cell.value}`;
    const group = groups.get(id) ?? {
      period: cell.key,
      dimension: cell.dimension,
      value: cell.value,
      cells: [],
    };
    group.cells.push(cell);
    groups.set(id, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.period.localeCompare(b.period) || a.value.localeCompare(b.value))
    .map((group) => {
      const lookup: Lookup = (metric) => {
        const found = group.cells.find((cell) => cell.metric === metric);
        return found ?? { count: 0, founders: 0, sum: 0 };
      };
      return {
        period: group.period,
        dimension: group.dimension,
        value: group.value,
        figures: definition.row(lookup),
      };
    });
}
