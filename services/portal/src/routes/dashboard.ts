import express, { type Router } from 'express';
import { dashboardCsv, dashboardPage, type Figures } from '../pages/dashboard';
import { contextOf, send, type RouteDeps } from './shared';

/** The growth figures for everyone, from the metrics service. */
export function dashboardRoutes(deps: RouteDeps): Router {
  const router = express.Router();
  const context = (req: express.Request, res: express.Response) => contextOf(deps, req, res);

  const figures = async (): Promise<Figures | undefined> => {
    const answer = await deps.apis.metrics('/metrics/summary').catch(() => undefined);
    if (answer?.status !== 200) return undefined;
    return {
      applications: Number(answer.body.applications ?? 0),
      assignments: Number(answer.body.assignments ?? 0),
    };
  };
  router.get('/dashboard', async (req, res) =>
    send(res, 200, dashboardPage(context(req, res), await figures())),
  );
  router.get('/dashboard.csv', async (_req, res) => {
    const found = await figures();
    if (found === undefined) return res.status(503).type('text/plain').send('figures unavailable');
    res.type('text/csv').attachment('grunderboost-funnel.csv').send(dashboardCsv(found));
  });
  return router;
}
