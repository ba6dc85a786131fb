import { loadCatalogue } from '@grunderboost/i18n';
import { createLogger } from '@grunderboost/service-kit';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { serviceApis } from './api';
import type { Config } from './config';
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
  app.use((_req, res) => res.status(404).type('text/plain').send('Not found'));
  // A failing service behind the portal is a 502 page, never a stack trace.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return res.status(status).type('text/plain').send('Bad request');
    }
    logger.error({ err: error }, 'portal request failed');
    res
      .status(502)
      .type('text/plain')
      .send('A service behind the portal did not answer. Try again shortly.');
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
