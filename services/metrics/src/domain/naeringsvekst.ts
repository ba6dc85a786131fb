import { round, shown, type Shown } from './suppression';

/** Næringsvekst 2020: one new job for every two new inhabitants. */
export const JOBS_PER_INHABITANT_GOAL = 0.5;

export type StatisticKind = 'population' | 'jobs';

/** Public statistics of one municipality at the end of the span's first and last quarter. */
export interface MunicipalityFigures {
  municipality: string;
  population: { from: number; to: number };
  jobs: { from: number; to: number };
}

export interface NaeringsvekstReport {
  from: string;
  to: string;
  municipalities: string[];
  newInhabitants: number;
  newJobs: number;
  /** Null when the population did not grow: a ratio over no or negative growth means nothing. */
  jobsPerNewInhabitant: number | null;
  goal: number;
  /** Met when new jobs reach half the new inhabitants (with no growth: when jobs did not fall). */
  met: boolean;
  /** FTE change reported by founders the service helped, in these municipalities and quarters. */
  jobsFromHelpedFounders: Shown;
}

/**
 * The indicator over a span: growth from the `from` quarter to the `to` quarter, summed over
 * the municipalities. `helped` is the jobs figure of the helped founders in the quarters after
 * `from` up to `to`, with the founders it is about (for suppression).
 */
export function naeringsvekst(
  span: { from: string; to: string },
  figures: MunicipalityFigures[],
  helped: { fte: number; founders: number },
): NaeringsvekstReport {
  const newInhabitants = sum(figures.map((f) => f.population.to - f.population.from));
  const newJobs = sum(figures.map((f) => f.jobs.to - f.jobs.from));
  return {
    from: span.from,
    to: span.to,
    municipalities: figures.map((f) => f.municipality),
    newInhabitants,
    newJobs,
    jobsPerNewInhabitant: newInhabitants > 0 ? round(newJobs / newInhabitants) : null,
    goal: JOBS_PER_INHABITANT_GOAL,
    met: newJobs >= JOBS_PER_INHABITANT_GOAL * newInhabitants,
    jobsFromHelpedFounders: shown(round(helped.fte, 2), helped.founders),
  };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
