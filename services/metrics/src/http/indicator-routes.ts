import { requireRole } from '@grunderboost/auth';
import { AppError, methodNotAllowed, parseQuery } from '@grunderboost/service-kit';
import type { Router } from 'express';
import { z } from 'zod';
import { readInternasjonaleDrammen, type IndicatorPorts } from '../app/internasjonale-drammen';
import { toCsv } from './csv';
import { IntakeUnavailableError } from './intake-client';
import { READER_ROLES } from './report-routes';
import { sendCsv, wantsCsv } from './respond';

/** Long enough for a restarting intake; short enough for a person waiting on a report. */
const RETRY_AFTER_SECONDS = 30;

export const formatQuery = z.strictObject({ format: z.enum(['json', 'csv']).optional() });

/** GET /indicators/internasjonale-drammen, as JSON or CSV (ADR 0011). */
export function indicatorRoutes(ports: IndicatorPorts, goal: number) {
  return (router: Router) => {
    router
      .route('/indicators/internasjonale-drammen')
      .get(requireRole(...READER_ROLES), async (req, res) => {
        const { format } = parseQuery(formatQuery, req);
        let indicator;
        try {
          indicator = await readInternasjonaleDrammen(ports, goal);
        } catch (error) {
          if (!(error instanceof IntakeUnavailableError)) throw error;
          throw new AppError({
            status: 503,
            title: 'Service Unavailable',
            detail: 'The intake service, which holds the background data, did not answer',
            headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
          });
        }
        if (wantsCsv(req, format)) {
          const header = ['founders', 'suppressed', 'goal', 'met'];
          const row = [indicator.founders, indicator.suppressed, indicator.goal, indicator.met];
          sendCsv(res, 'internasjonale-drammen.csv', toCsv(header, [row]));
          return;
        }
        res.status(200).json(indicator);
      })
      .all(methodNotAllowed(['GET']));
  };
}
