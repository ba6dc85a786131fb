import { methodNotAllowed, notFound, parseBody, parseParams } from '@grunderboost/service-kit';
import type { Request, Router } from 'express';
import type { IntakeUseCases } from '../app/applications';
import { shareableFacts, type Application } from '../domain/application';
import {
  applicationParamsSchema,
  applicationRequestSchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyHeaderSchema,
} from './schemas';

const locationOf = (application: Application) => `/applications/${application.applicationId}`;

function idempotencyKeyOf(req: Request): string | undefined {
  const headers = idempotencyHeaderSchema.parse({
    [IDEMPOTENCY_KEY_HEADER]: req.get(IDEMPOTENCY_KEY_HEADER),
  });
  return headers[IDEMPOTENCY_KEY_HEADER];
}

/** The skeleton's read model: codes only, no contact data. */
const viewOf = (application: Application) => ({
  ...shareableFacts(application),
  status: application.status,
  createdAt: application.createdAt.toISOString(),
});

export function applicationRoutes(useCases: IntakeUseCases): (router: Router) => void {
  return (router) => {
    router
      .route('/applications')
      .post(async (req, res) => {
        const details = parseBody(applicationRequestSchema, req);
        const { created, application } = await useCases.submit(details, idempotencyKeyOf(req));
        // A retry gets the same body, with 200: nothing new was created.
        res
          .status(created ? 201 : 200)
          .location(locationOf(application))
          .json({
            applicationId: application.applicationId,
            founderId: application.founderId,
            status: application.status,
          });
      })
      .all(methodNotAllowed(['POST']));

    router
      .route('/applications/:id')
      .get(async (req, res) => {
        const { id } = parseParams(applicationParamsSchema, req);
        const application = await useCases.get(id);
        if (application === undefined) {
          throw notFound(`No application ${id}`);
        }
        res.json(viewOf(application));
      })
      .all(methodNotAllowed(['GET']));
  };
}
