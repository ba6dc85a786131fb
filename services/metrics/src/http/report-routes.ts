import { requireRole } from '@grunderboost/auth';
import { methodNotAllowed, parseQuery } from '@grunderboost/service-kit';
import type { Router } from 'express';
import { readReport } from '../app/reports';
import type { CellReader } from '../app/ports';
import { FUNNEL_REPORT, OUTCOMES_REPORT, type ReportDefinition } from '../domain/report';
import { SMALL_GROUP_THRESHOLD } from '../domain/suppression';
import { reportQuerySchema } from './report-query';
import { rowsAsCsv, sendCsv, wantsCsv } from './respond';

export const READER_ROLES = ['analyst', 'lead', 'admin'] as const;

const REPORTS: Array<[string, string, ReportDefinition]> = [
  ['/metrics/funnel', 'funnel', FUNNEL_REPORT],
  ['/metrics/outcomes', 'outcomes', OUTCOMES_REPORT],
];

/** GET /metrics/funnel and /metrics/outcomes, as JSON or CSV, for staff who read figures. */
export function reportRoutes(read: CellReader): (router: Router) => void {
  return (router) => {
    for (const [path, name, definition] of REPORTS) {
      router
        .route(path)
        .get(requireRole(...READER_ROLES), async (req, res) => {
          const { format, ...query } = parseQuery(reportQuerySchema, req);
          const rows = await readReport(read, definition, query);
          if (wantsCsv(req, format)) {
            sendCsv(res, `${name}.csv`, rowsAsCsv(definition.figures, rows));
            return;
          }
          res.status(200).json({
            report: name,
            period: query.period,
            dimension: query.dimension,
            smallGroupThreshold: SMALL_GROUP_THRESHOLD,
            rows,
          });
        })
        .all(methodNotAllowed(['GET']));
    }
  };
}
