/**
 * The figures the dashboard shows, as the metrics service answered them. A suppressed cell stays
 * suppressed everywhere (page, chart, CSV): the portal never derives it from other figures.
 */
export type Cell = { value: number; suppressed: false } | { value: null; suppressed: true };

export const SUPPRESSED: Cell = { value: null, suppressed: true };

export interface FigureRow {
  period: string;
  /** The dimension value ('3301', 'grunder'), or 'all'. */
  value: string;
  figures: Record<string, Cell>;
}

export interface Report {
  period: 'month' | 'quarter';
  dimension: string;
  rows: FigureRow[];
}

export interface Naeringsvekst {
  from: string;
  to: string;
  municipalities: string[];
  newInhabitants: number;
  newJobs: number;
  jobsPerNewInhabitant: number | null;
  goal: number;
  met: boolean;
  jobsFromHelpedFounders: Cell;
}

/** Why a figure set is not shown: the page says so instead of failing. */
export type Unavailable =
  | { reason: 'not-configured' | 'refused' | 'unavailable' | 'not-possible' }
  | { reason: 'missing-statistics'; missing: string[] };

export type Loaded<T> = { ok: true; data: T } | ({ ok: false } & Unavailable);

export interface Summary {
  applications: number;
  assignments: number;
  /** When the counters last moved (ISO 8601), if ever. */
  updatedAt?: string | null;
}

export interface DashboardFigures {
  summary: Summary | undefined;
  funnel: Loaded<Report>;
  outcomes: Loaded<Report>;
  byMunicipality: Loaded<Report>;
  byFocusArea: Loaded<Report>;
  naeringsvekst: Loaded<Naeringsvekst>;
}

export const FUNNEL_FIGURES = [
  'applied',
  'accepted',
  'assigned',
  'firstSession',
  'companyRegistered',
  'operating12',
  'operating36',
  'daysToFirstSession',
] as const;

export const OUTCOME_FIGURES = [
  'sessionsDelivered',
  'noShows',
  'noShowRate',
  'jobsCreatedFte',
  'fundingObtained',
] as const;

/** The cell of a figure in a row; a figure metrics left out counts as suppressed, never as 0. */
export const cellOf = (row: FigureRow | undefined, figure: string): Cell =>
  row?.figures[figure] ?? SUPPRESSED;
