import express, { type Express, type Router } from 'express';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { accessLog } from './access-log';
import { contentTypeGuard, JSON_TYPES } from './content-type-guard';
import { errorHandler } from './error-handler';
import { notFound } from './errors';
import { DEFAULT_READINESS_TIMEOUT_MS, mountHealthRoutes, type ReadinessCheck } from './health';
import { collectProcessMetrics, httpMetrics } from './metrics';
import { requestId } from './request-id';

export interface AppOptions {
  service: string;
  logger: Logger;
  /** Largest accepted JSON body ('100kb', '1mb'); default '100kb'. */
  bodyLimit?: string;
  readiness?: ReadinessCheck[];
  /** Per-check timeout of /readyz; default 2000 ms. */
  readinessTimeoutMs?: number;
  /** Where metrics are registered and read by /metrics; a fresh one when absent. */
  registry?: Registry;
  /**
   * Media types besides JSON whose bodies are accepted and parsed as a string (e.g. text/csv
   * for an import), within the same bodyLimit. Default: none, JSON only.
   */
  textBodyTypes?: string[];
  /** Registers the service's own routes. */
  routes: (router: Router) => void;
}

/**
 * The express app every service runs: request ids, access logs, JSON bodies only, metrics,
 * health endpoints, the service's routes, and problem+json for every error.
 */
export function createApp(options: AppOptions): Express {
  // Every line must name the service; a logger not made by createLogger may lack the field.
  const hasService = options.logger.bindings().service !== undefined;
  const logger = hasService ? options.logger : options.logger.child({ service: options.service });
  const registry = options.registry ?? new Registry();
  collectProcessMetrics(registry);

  const app = express();
  app.disable('x-powered-by');
  // Query values are strings or string arrays, never nested objects (what parseQuery expects).
  app.set('query parser', 'simple');
  app.use(requestId());
  app.use(accessLog(logger));
  // Metrics come before the body checks so rejected bodies (413, 415, 400) are counted too.
  app.use(httpMetrics(registry));
  const textTypes = options.textBodyTypes ?? [];
  app.use(contentTypeGuard(textTypes));
  app.use(express.json({ limit: options.bodyLimit ?? '100kb', type: JSON_TYPES }));
  if (textTypes.length > 0) {
    app.use(express.text({ limit: options.bodyLimit ?? '100kb', type: textTypes }));
  }

  const health = express.Router();
  mountHealthRoutes(health, {
    readiness: options.readiness ?? [],
    readinessTimeoutMs: options.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS,
    registry,
  });
  app.use(health);

  const routes = express.Router();
  options.routes(routes);
  app.use(routes);

  app.use((req, _res, next) => {
    next(notFound(`No resource at ${req.method} ${req.path}`));
  });
  app.use(errorHandler(logger));
  return app;
}
