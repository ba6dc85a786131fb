import { methodNotAllowed, notFound, parseBody, parseParams } from '@grunderboost/service-kit';
import type { Router } from 'express';
import type { CounsellingUseCases } from '../app/assignments';
import type { Assignment } from '../domain/assignment';
import { assignmentRequestSchema, founderParamsSchema } from './schemas';

const locationOf = (assignment: Assignment) => `/assignments/${assignment.founderId}`;

export function assignmentRoutes(useCases: CounsellingUseCases): (router: Router) => void {
  return (router) => {
    router
      .route('/assignments')
      .post(async (req, res) => {
        const request = parseBody(assignmentRequestSchema, req);
        const { created, assignment } = await useCases.assign(request);
        // A repeated request gets the founder's assignment with 200: nothing new was made.
        res
          .status(created ? 201 : 200)
          .location(locationOf(assignment))
          .json({
            assignmentId: assignment.assignmentId,
            founderId: assignment.founderId,
            counsellorId: assignment.counsellorId,
            reasonCode: assignment.reasonCode,
          });
      })
      .all(methodNotAllowed(['POST']));

    router
      .route('/assignments/:founderId')
      .get(async (req, res) => {
        const { founderId } = parseParams(founderParamsSchema, req);
        const assignment = await useCases.assignmentOf(founderId);
        if (assignment === undefined) {
          throw notFound(`No assignment for founder ${founderId}`);
        }
        res.json({ ...assignment, assignedAt: assignment.assignedAt.toISOString() });
      })
      .all(methodNotAllowed(['GET']));
  };
}
