import { optionalStaff, type LinkTokens, type StaffVerifier } from '@grunderboost/auth';
import { openApiRoute } from '@grunderboost/service-kit';
import type { Router } from 'express';
import type { FollowUpUseCases } from '../app/use-cases';
import { followUpOpenApi } from './api-description';
import { followUpRoutes } from './follow-up-routes';
import { verificationRoutes } from './verification-routes';

export interface RouterDeps {
  useCases: FollowUpUseCases;
  links: LinkTokens;
  linkBaseUrl: string;
  verifier: StaffVerifier;
}

/** Every route; a staff token, when present, is checked before any of them. */
export function followUpRouter(deps: RouterDeps): (router: Router) => void {
  return (router) => {
    openApiRoute(followUpOpenApi())(router);
    router.use(optionalStaff(deps.verifier));
    followUpRoutes(deps)(router);
    verificationRoutes(deps.useCases, deps.verifier)(router);
  };
}
