import type { Request, RequestHandler } from 'express';
import { collectDefaultMetrics, Histogram, type Registry } from 'prom-client';

const DURATION_METRIC = 'http_request_duration_seconds';
const PROCESS_METRIC = 'process_cpu_user_seconds_total';

/** The route pattern each request matched, captured while req.baseUrl is still right. */
const matchedRoutes = new WeakMap<Request, string>();

/**
 * Express assigns req.route when a route matches. Only at that moment is req.baseUrl the prefix
 * of the router holding the route: an error bubbling out of a nested router restores it. So we
 * intercept the assignment instead of reading req.route when the response finishes.
 */
function captureRoutePattern(req: Request): void {
  let route: unknown;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set: (value: { path?: unknown } | undefined) => {
      route = value;
      if (value !== undefined) {
        matchedRoutes.set(req, `${req.baseUrl}${String(value.path)}`);
      }
    },
  });
}

function durationHistogram(registry: Registry): Histogram<'method' | 'route' | 'status'> {
  // Several apps may share a registry (tests, or an admin app): register the metric once.
  const existing = registry.getSingleMetric(DURATION_METRIC);
  if (existing instanceof Histogram) {
    return existing;
  }
  return new Histogram({
    name: DURATION_METRIC,
    help: 'Duration of HTTP requests in seconds, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
}

/** Process metrics (CPU, memory, event loop) once per registry; a second call would throw. */
export function collectProcessMetrics(registry: Registry): void {
  if (registry.getSingleMetric(PROCESS_METRIC) === undefined) {
    collectDefaultMetrics({ register: registry });
  }
}

/**
 * Observes every request's duration. The route label is the matched pattern ('/items/:id'),
 * never the raw URL, so the number of series stays bounded; requests no route matched
 * (404s for unknown paths, bodies rejected before routing) are 'unmatched'.
 */
export function httpMetrics(registry: Registry): RequestHandler {
  const histogram = durationHistogram(registry);
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    captureRoutePattern(req);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = matchedRoutes.get(req) ?? 'unmatched';
      histogram.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
    });
    next();
  };
}
