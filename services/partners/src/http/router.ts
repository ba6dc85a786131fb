import { createStaffVerifier } from '@grunderboost/auth';
import { openApiRoute } from '@grunderboost/service-kit';
import type { Router } from 'express';
import type { Dependencies } from '../app/dependencies';
import type { Config } from '../config';
import { adminRoutes } from './admin-routes';
import { partnersOpenApi } from './api-description';
import { partnerRoutes } from './partner-routes';

export function routes(deps: Dependencies, config: Config): (router: Router) => void {
  const verifier = createStaffVerifier(config);
  return (router) => {
    openApiRoute(partnersOpenApi())(router);
    adminRoutes(deps, verifier)(router);
    partnerRoutes(deps)(router);
  };
}
