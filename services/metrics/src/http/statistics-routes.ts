import { requireRole } from '@grunderboost/auth';
import {
  AppError,
  methodNotAllowed,
  parseQuery,
  queryList,
  unsupportedMediaType,
} from '@grunderboost/service-kit';
import type { Request, Router } from 'express';
import { z } from 'zod';
import { readNaeringsvekst } from '../app/naeringsvekst';
import type { CellReader, Clock } from '../app/ports';
import type { StatisticKind } from '../domain/naeringsvekst';
import { QUARTER } from '../domain/periods';
import type { StatisticsStore } from '../persistence/statistics-store';
import { READER_ROLES } from './report-routes';
import { sendCsv, wantsCsv } from './respond';
import { toCsv } from './csv';
import { parseStatisticsCsv } from './statistics-csv';

const IMPORTER_ROLES = ['analyst', 'admin'] as const;
const MAX_MUNICIPALITIES = 100;

export const indicatorQuery = z
  .strictObject({
    from: z.string().regex(QUARTER, 'expected a quarter like 2019K4'),
    to: z.string().regex(QUARTER, 'expected a quarter like 2024K4'),
    municipality: queryList(z.string().regex(/^\d{4}$/, 'expected a kommunenummer'))
      .pipe(z.array(z.string()).min(1, 'name at least one municipality').max(MAX_MUNICIPALITIES))
      .transform((list) => [...new Set(list)]),
    format: z.enum(['json', 'csv']).optional(),
  })
  .refine((query) => query.from <= query.to, {
    path: ['to'],
    message: 'to must not be before from',
  });

function csvBody(req: Request): string {
  if (!req.is('text/csv') || typeof req.body !== 'string') {
    throw unsupportedMediaType('Send the statistics as text/csv');
  }
  return req.body;
}

/** Imports of public statistics (text/csv) and the Næringsvekst indicator. */
export function statisticsRoutes(
  statistics: StatisticsStore,
  read: CellReader,
  clock: Clock,
): (router: Router) => void {
  return (router) => {
    for (const kind of ['population', 'jobs'] as const satisfies StatisticKind[]) {
      router
        .route(`/statistics/${kind}`)
        .post(requireRole(...IMPORTER_ROLES), async (req, res) => {
          const parsed = parseStatisticsCsv(kind, csvBody(req));
          if (!parsed.ok) {
            throw new AppError({
              status: 400,
              title: 'Bad Request',
              detail: `The ${kind} CSV has ${parsed.errors.length} bad line(s); nothing was imported`,
              extensions: { errors: parsed.errors },
            });
          }
          await statistics.save(kind, parsed.rows, clock());
          res.status(200).json({ kind, imported: parsed.rows.length });
        })
        .all(methodNotAllowed(['POST']));
    }
    router
      .route('/indicators/naeringsvekst')
      .get(requireRole(...READER_ROLES), async (req, res) => {
        const { format, municipality, ...span } = parseQuery(indicatorQuery, req);
        const result = await readNaeringsvekst(statistics, read, {
          ...span,
          municipalities: municipality,
        });
        if (!result.ok) {
          throw new AppError({
            status: 422,
            title: 'Unprocessable Content',
            detail: 'Public statistics are missing for the span; import them first',
            extensions: { missing: result.missing },
          });
        }
        const report = result.report;
        if (wantsCsv(req, format)) {
          const header = [
            'from',
            'to',
            'municipalities',
            'newInhabitants',
            'newJobs',
            'jobsPerNewInhabitant',
            'goal',
            'met',
            'jobsFromHelpedFounders',
            'jobsFromHelpedFoundersSuppressed',
          ];
          const row = [
            report.from,
            report.to,
            report.municipalities.join(' '),
            report.newInhabitants,
            report.newJobs,
            report.jobsPerNewInhabitant,
            report.goal,
            report.met,
            report.jobsFromHelpedFounders.value,
            report.jobsFromHelpedFounders.suppressed,
          ];
          sendCsv(res, 'naeringsvekst.csv', toCsv(header, [row]));
          return;
        }
        res.status(200).json(report);
      })
      .all(methodNotAllowed(['GET']));
  };
}
