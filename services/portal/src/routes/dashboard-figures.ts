import { z } from 'zod';
import type { ServiceApi } from '../api';
import { filterQuery, type Filters } from '../pages/dashboard-filters';
import {
  SUPPRESSED,
  type Cell,
  type DashboardFigures,
  type Loaded,
  type Report,
  type Summary,
} from '../pages/dashboard-model';
import { periodOf, shiftPeriod } from '../pages/dashboard-periods';
import type { MetricsAccess } from './dashboard-token';

/** How the dashboard reaches the metrics service, and the Næringsvekst span it shows. */
export interface DashboardSettings {
  access: MetricsAccess;
  naeringsvekst: { from: string; to?: string; municipalities: string[] };
  now?: () => Date;
}

/** A cell metrics marked suppressed, or left without a value, is suppressed: never a number. */
const cellSchema = z
  .object({ value: z.number().nullable(), suppressed: z.boolean() })
  .transform((cell): Cell =>
    cell.suppressed || cell.value === null ? SUPPRESSED : { value: cell.value, suppressed: false },
  );

const reportSchema = z.object({
  period: z.enum(['month', 'quarter']),
  dimension: z.string(),
  rows: z.array(
    z.object({
      period: z.string(),
      value: z.string(),
      figures: z.record(z.string(), cellSchema),
    }),
  ),
});

const naeringsvekstSchema = z.object({
  from: z.string(),
  to: z.string(),
  municipalities: z.array(z.string()),
  newInhabitants: z.number(),
  newJobs: z.number(),
  jobsPerNewInhabitant: z.number().nullable(),
  goal: z.number(),
  met: z.boolean(),
  jobsFromHelpedFounders: cellSchema,
});

const summarySchema = z.object({
  applications: z.number(),
  assignments: z.number(),
  updatedAt: z.iso.datetime({ offset: true }).nullable().optional(),
});

type Reader = <T>(path: string, schema: z.ZodType<T>) => Promise<Loaded<T>>;

/** One staff-only read; a refused token is fetched again once (it may just have expired). */
function reader(metrics: ServiceApi, access: MetricsAccess): Reader {
  return async (path, schema) => {
    for (let attempt = 1; ; attempt++) {
      const token = await access.token();
      if (token === undefined) {
        return { ok: false, reason: access.configured ? 'unavailable' : 'not-configured' };
      }
      const answer = await metrics(path, { headers: { authorization: `Bearer ${token}` } }).catch(
        () => undefined,
      );
      if (answer?.status === 401 && attempt === 1) {
        access.refused();
        continue;
      }
      if (answer?.status === 401 || answer?.status === 403) return { ok: false, reason: 'refused' };
      if (answer?.status === 422) {
        const missing = z.array(z.string()).safeParse(answer.body.missing);
        return { ok: false, reason: 'missing-statistics', missing: missing.data ?? [] };
      }
      const parsed = answer?.status === 200 ? schema.safeParse(answer.body) : undefined;
      if (parsed?.success !== true) return { ok: false, reason: 'unavailable' };
      return { ok: true, data: parsed.data };
    }
  };
}

export async function readSummary(metrics: ServiceApi): Promise<Summary | undefined> {
  const answer = await metrics('/metrics/summary').catch(() => undefined);
  const parsed = answer?.status === 200 ? summarySchema.safeParse(answer.body) : undefined;
  return parsed?.success === true ? parsed.data : undefined;
}

const NOT_POSSIBLE: Loaded<Report> = { ok: false, reason: 'not-possible' };

export type FigureReads = {
  [K in Exclude<keyof DashboardFigures, 'summary'>]: () => Promise<DashboardFigures[K]>;
};

function indicatorQuery(settings: DashboardSettings, filters: Filters): string {
  const now = (settings.now ?? (() => new Date()))();
  const span = settings.naeringsvekst;
  const query = new URLSearchParams({
    from: span.from,
    to: span.to ?? shiftPeriod('quarter', periodOf('quarter', now), -1),
  });
  for (const municipality of filters.municipality ? [filters.municipality] : span.municipalities)
    query.append('municipality', municipality);
  return query.toString();
}

/** Each staff-only figure set of the dashboard as its own read (a CSV needs only one). */
export function figureReads(
  metrics: ServiceApi,
  settings: DashboardSettings,
  filters: Filters,
): FigureReads {
  const read = reader(metrics, settings.access);
  const query = filterQuery(filters);
  return {
    funnel: () => read(`/metrics/funnel?${query}`, reportSchema),
    outcomes: () => read(`/metrics/outcomes?${query}`, reportSchema),
    // One dimension at a time: a filter by focus area rules out the breakdown by municipality.
    byMunicipality: async () =>
      filters.focusArea
        ? NOT_POSSIBLE
        : read(`/metrics/funnel?${query}&by=municipality`, reportSchema),
    byFocusArea: async () =>
      filters.municipality
        ? NOT_POSSIBLE
        : read(`/metrics/funnel?${query}&by=focusArea`, reportSchema),
    naeringsvekst: () =>
      read(`/indicators/naeringsvekst?${indicatorQuery(settings, filters)}`, naeringsvekstSchema),
  };
}

/** Every figure set of the dashboard, read in parallel; each one may fail on its own. */
export async function readDashboard(
  metrics: ServiceApi,
  settings: DashboardSettings,
  filters: Filters,
): Promise<DashboardFigures> {
  const reads = figureReads(metrics, settings, filters);
  const [summary, funnel, outcomes, byMunicipality, byFocusArea, naeringsvekst] = await Promise.all(
    [
      readSummary(metrics),
      reads.funnel(),
      reads.outcomes(),
      reads.byMunicipality(),
      reads.byFocusArea(),
      reads.naeringsvekst(),
    ],
  );
  return { summary, funnel, outcomes, byMunicipality, byFocusArea, naeringsvekst };
}
