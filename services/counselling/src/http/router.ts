import { createStaffVerifier, createLinkTokens, optionalStaff } from '@grunderboost/auth';
import { openApiRoute } from '@grunderboost/service-kit';
import type { Router } from 'express';
import type { Dependencies } from '../app/dependencies';
import type { Config } from '../config';
import { actorResolver } from './actor';
import { counsellingOpenApi } from './api-description';
import { appointmentRoutes } from './appointment-routes';
import { calendarKeys } from './calendar-feed';
import { calendarRoutes } from './calendar-routes';
import { caseRoutes } from './case-routes';
import { counsellorRoutes } from './counsellor-routes';

/** Every route of the service; staff tokens are checked up front when present. */
export function counsellingRoutes(deps: Dependencies, config: Config): (router: Router) => void {
  const verifier = createStaffVerifier(config);
  // Counselling only verifies links (intake issues them); the lifetime is intake's business.
  const links = createLinkTokens({ secret: config.FOUNDER_LINK_SECRET, ttlSeconds: 1 });
  const actorOf = actorResolver(links, deps.cases);
  const keys = calendarKeys(config.CALENDAR_FEED_SECRET);
  return (router) => {
    openApiRoute(counsellingOpenApi())(router);
    router.use(optionalStaff(verifier));
    caseRoutes(deps, actorOf)(router);
    calendarRoutes(deps, actorOf, keys)(router);
    counsellorRoutes(deps, actorOf)(router);
    appointmentRoutes(deps, actorOf)(router);
  };
}
