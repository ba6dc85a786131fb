import { loadCatalogue, type Catalogue } from '@grunderboost/i18n';
import { createLogger } from '@grunderboost/service-kit';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { serviceApis } from './api';
import type { Config } from './config';
import { pageContext } from './context';
import { PROBLEM_STATUS, problemPage, type Problem } from './pages/problem';
import { portalRoutes } from './routes';
import { metricsAccess } from './routes/dashboard-token';

export const MESSAGES_DIR = join(__dirname, '..', 'messages');

export interface RunningPortal {
  url: string;
  stop(): Promise<void>;
}

/**
 * The portal: server-rendered pages over the service APIs (ADR 0010). Forms post urlencoded, so
 * it works without JavaScript and with every assistive technology; it keeps no data of its own.
 */
export async function startPortal(config: Config): Promise<RunningPortal> {
  const logger = createLogger({ service: 'portal', level: config.LOG_LEVEL });
  const catalogue = loadCatalogue(MESSAGES_DIR, config.DEFAULT_LANGUAGE);
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.urlencoded({ extended: false, limit: '20kb' }));
  app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
  app.get('/readyz', (_req, res) => res.json({ status: 'ready' }));
  const apis = serviceApis({
    intake: config.INTAKE_URL,
    counselling: config.COUNSELLING_URL,
    followUp: config.FOLLOW_UP_URL,
    metrics: config.METRICS_URL,
    journeys: config.JOURNEYS_URL,
  });
  app.use(
    portalRoutes({
      apis,
      catalogue,
      consentTextVersion: config.CONSENT_TEXT_VERSION,
      dashboard: {
        access: metricsAccess({
          ...(config.METRICS_TOKEN === undefined ? {} : { staticToken: config.METRICS_TOKEN }),
          ...(config.METRICS_DEV_TOKEN
            ? { devIssuer: { intake: apis.intake, staffId: config.PORTAL_STAFF_ID } }
            : {}),
        }),
        naeringsvekst: {
          from: config.NAERINGSVEKST_FROM,
          ...(config.NAERINGSVEKST_TO === undefined ? {} : { to: config.NAERINGSVEKST_TO }),
          municipalities: config.NAERINGSVEKST_MUNICIPALITIES,
        },
      },
    }),
  );
  app.use((req, res) => sendProblem(req, res, catalogue, 'notFound'));
  // A failing service behind the portal is a 502 page in the page language, never a stack trace.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendProblem(req, res, catalogue, 'badRequest', status);
    }
    logger.error({ err: error }, 'portal request failed');
    sendProblem(req, res, catalogue, 'unavailable');
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(config.PORT, config.HOST, () => resolve(listening));
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.PORT;
  logger.info({ port }, 'portal listening');
  return {
    url: `http://${config.HOST}:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function sendProblem(
  req: Request,
  res: Response,
  catalogue: Catalogue,
  problem: Problem,
  status = PROBLEM_STATUS[problem],
): void {
  res
    .status(status)
    .type('html')
    .send(problemPage(pageContext(req, res, catalogue), problem));
}
