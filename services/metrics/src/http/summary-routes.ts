import { methodNotAllowed } from '@grunderboost/service-kit';
import type { Router } from 'express';
import type { MetricsUseCases } from '../app/metrics';

/** GET /metrics/summary; `/metrics` itself is the Prometheus endpoint of service-kit. */
export function summaryRoutes(useCases: MetricsUseCases): (router: Router) => void {
  return (router) => {
    router
      .route('/metrics/summary')
      .get(async (_req, res) => {
        const summary = await useCases.summary();
        res.status(200).json({
          applications: summary.applications,
          assignments: summary.assignments,
          updatedAt: summary.updatedAt?.toISOString() ?? null,
        });
      })
      .all(methodNotAllowed(['GET']));
  };
}
