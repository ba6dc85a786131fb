import express, { type Router } from 'express';
import { dashboardCsv, dashboardPage } from '../pages/dashboard';
import { naeringsvekstCsv, reportCsv } from '../pages/dashboard-csv';
import { parseFilters } from '../pages/dashboard-filters';
import { FUNNEL_FIGURES, OUTCOME_FIGURES } from '../pages/dashboard-model';
import {
  figureReads,
  readDashboard,
  readSummary,
  type DashboardSettings,
  type FigureReads,
} from './dashboard-figures';
import { NO_ACCESS } from './dashboard-token';
import { contextOf, send, type RouteDeps } from './shared';

const DEFAULT_SETTINGS: DashboardSettings = {
  access: NO_ACCESS,
  naeringsvekst: { from: '2019K4', municipalities: ['3301'] },
};

/** Each CSV download: which figure set, and how it is written. */
const CSV_SETS: Record<string, (reads: FigureReads) => Promise<string | undefined>> = {
  funnel: async (r) => {
    const found = await r.funnel();
    return found.ok ? reportCsv(FUNNEL_FIGURES, found.data) : undefined;
  },
  outcomes: async (r) => {
    const found = await r.outcomes();
    return found.ok ? reportCsv(OUTCOME_FIGURES, found.data) : undefined;
  },
  'by-municipality': async (r) => {
    const found = await r.byMunicipality();
    return found.ok ? reportCsv(FUNNEL_FIGURES, found.data) : undefined;
  },
  'by-focus-area': async (r) => {
    const found = await r.byFocusArea();
    return found.ok ? reportCsv(FUNNEL_FIGURES, found.data) : undefined;
  },
  naeringsvekst: async (r) => {
    const found = await r.naeringsvekst();
    return found.ok ? naeringsvekstCsv(found.data) : undefined;
  },
};

/**
 * The growth figures for everyone, from the metrics service (ADR 0014). A metrics service that
 * is down or refuses is said on the page; it never makes the page fail.
 */
export function dashboardRoutes(deps: RouteDeps): Router {
  const router = express.Router();
  const settings = deps.dashboard ?? DEFAULT_SETTINGS;
  const now = () => (settings.now ?? (() => new Date()))();

  router.get('/dashboard', async (req, res) => {
    const context = contextOf(deps, req, res);
    const parsed = parseFilters(req.query, now());
    if (parsed.errors.length > 0) return send(res, 400, dashboardPage(context, parsed, undefined));
    const figures = await readDashboard(deps.apis.metrics, settings, parsed.filters);
    send(res, 200, dashboardPage(context, parsed, figures));
  });

  router.get('/dashboard.csv', async (_req, res) => {
    const found = await readSummary(deps.apis.metrics);
    if (found === undefined) return res.status(503).type('text/plain').send('figures unavailable');
    res.type('text/csv').attachment('grunderboost-summary.csv').send(dashboardCsv(found));
  });

  router.get('/dashboard/:set.csv', async (req, res) => {
    const write = Object.hasOwn(CSV_SETS, req.params.set) ? CSV_SETS[req.params.set] : undefined;
    const parsed = parseFilters(req.query, now());
    if (write === undefined) return res.status(404).type('text/plain').send('Not found');
    if (parsed.errors.length > 0) {
      return res.status(400).type('text/plain').send('Bad filters: open the dashboard to fix them');
    }
    const csv = await write(figureReads(deps.apis.metrics, settings, parsed.filters));
    if (csv === undefined) {
      return res.status(503).type('text/plain').send('These figures are not available right now');
    }
    res.type('text/csv; charset=utf-8').attachment(`grunderboost-${req.params.set}.csv`).send(csv);
  });
  return router;
}
