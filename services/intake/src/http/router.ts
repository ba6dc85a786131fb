import type { LinkTokens, StaffVerifier } from '@grunderboost/auth';
import {
  AppError,
  buildOpenApiDocument,
  methodNotAllowed,
  openApiRoute,
  rateLimit,
} from '@grunderboost/service-kit';
import type { RequestHandler, Router } from 'express';
import type { IntakeUseCases } from '../app/use-cases';
import type { Catalogue } from '@grunderboost/i18n';
import { accessCheck } from './access';
import { intakeApiDocument } from './api-description';
import { applicationRoutes, type RouteDeps } from './application-routes';
import { localiser, type Localiser } from './localise';
import { privacyRoutes } from './privacy-routes';
import { staffRoutes } from './staff-routes';
import { statisticsRoutes } from './statistics-routes';

export interface RouterOptions {
  useCases: IntakeUseCases;
  catalogue: Catalogue;
  verifier: StaffVerifier;
  links: LinkTokens;
  linkBaseUrl: string;
  createLimitPerMinute: number;
  /** Sets the staff principal when a bearer token comes along (founders come without). */
  staffAuthentication: RequestHandler;
  localIssuer?: Router;
}

/** The limiter's 429, in the founder's language (its Retry-After header is already set). */
function localisedLimit(limit: RequestHandler, localise: Localiser): RequestHandler {
  return (req, res, next) =>
    void limit(req, res, (error?: unknown) => {
      if (error instanceof AppError && error.status === 429) {
        const { title, detail, type } = localise.problem(req, res, 429, 'rate_limited');
        const headers = error.headers;
        next(new AppError({ status: 429, title, detail, type, ...(headers ? { headers } : {}) }));
      } else {
        next(error);
      }
    });
}

export function languagesOf(catalogue: Catalogue): [string, ...string[]] {
  return catalogue.languages.map((l) => l.language) as [string, ...string[]];
}

export function intakeRouter(options: RouterOptions): (router: Router) => void {
  const localise = localiser(options.catalogue);
  const limiter = rateLimit({
    name: 'submit-application',
    limit: options.createLimitPerMinute,
    windowMs: 60_000,
  });
  const deps: RouteDeps = {
    useCases: options.useCases,
    localise,
    access: accessCheck(options.links, localise),
    links: options.links,
    linkBaseUrl: options.linkBaseUrl,
    createLimit: localisedLimit(limiter, localise),
  };
  const document = buildOpenApiDocument(intakeApiDocument(languagesOf(options.catalogue)));
  return (router) => {
    openApiRoute(document)(router);
    if (options.localIssuer !== undefined) router.use(options.localIssuer);
    router.use(options.staffAuthentication);
    staffRoutes(deps, options.verifier)(router);
    applicationRoutes(deps)(router);
    privacyRoutes(deps)(router);
    statisticsRoutes(deps, options.verifier)(router);
    router.all('/applications', methodNotAllowed(['GET', 'POST']));
    router.all('/applications/:id', methodNotAllowed(['GET', 'PATCH']));
    for (const [path, method] of [
      ['/applications/:id/withdrawal', 'POST'],
      ['/applications/:id/triage', 'POST'],
      ['/applications/:id/consents', 'PUT'],
      ['/applications/:id/export', 'GET'],
      ['/applications/:id/erasure', 'POST'],
      ['/languages', 'GET'],
      ['/statistics/background-count', 'POST'],
    ] as const) {
      router.all(path, methodNotAllowed([method]));
    }
  };
}
