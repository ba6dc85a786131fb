import express, { type Router } from 'express';
import { dashboardRoutes } from './routes/dashboard';
import { founderRoutes } from './routes/founder';
import type { RouteDeps } from './routes/shared';
import { staffRoutes } from './routes/staff';

/** Every page of the portal, one router per kind of user. */
export function portalRoutes(deps: RouteDeps): Router {
  const router = express.Router();
  router.use(founderRoutes(deps));
  router.use(staffRoutes(deps));
  router.use(dashboardRoutes(deps));
  return router;
}
