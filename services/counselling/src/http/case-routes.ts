import {
  methodNotAllowed,
  notFound,
  parseBody,
  parseParams,
  parseQuery,
} from '@grunderboost/service-kit';
import type { Router } from 'express';
import { assign, assignmentOf } from '../app/assignments';
import { visibleOpenCase } from '../app/calendar-access';
import { caseloadFor, teamOverview } from '../app/caseloads';
import { close, reassign } from '../app/cases';
import type { Dependencies } from '../app/dependencies';
import type { Case } from '../domain/case';
import type { ActorOf } from './actor';
import {
  assignmentRequestSchema,
  caseloadQuerySchema,
  closeSchema,
  founderParamsSchema,
  reassignSchema,
  tokenQuerySchema,
} from './schemas';

/** The skeleton's shape (ids and codes), plus the reason in words. */
const assignmentView = (entry: Case) => ({
  assignmentId: entry.caseId,
  founderId: entry.founderId,
  applicationId: entry.applicationId,
  counsellorId: entry.counsellorId,
  reasonCode: entry.reasonCode,
  reason: entry.reason,
  assignedAt: entry.assignedAt,
  status: entry.status,
});

export const caseView = (entry: Case) => ({
  ...assignmentView(entry),
  history: entry.history,
  ...(entry.closedAt === undefined
    ? {}
    : { closedAt: entry.closedAt, closeReasonCode: entry.closeReasonCode }),
});

function assignmentRoutes(deps: Dependencies, router: Router) {
  router
    .route('/assignments')
    // Called by the journey workflow inside the platform; it carries no personal data.
    .post(async (req, res) => {
      const { created, entry } = await assign(deps, parseBody(assignmentRequestSchema, req));
      res
        .status(created ? 201 : 200)
        .location(`/assignments/${entry.founderId}`)
        .json(assignmentView(entry));
    })
    .all(methodNotAllowed(['POST']));

  router
    .route('/assignments/:founderId')
    .get(async (req, res) => {
      const { founderId } = parseParams(founderParamsSchema, req);
      const entry = await assignmentOf(deps, founderId);
      if (entry === undefined) throw notFound(`No assignment for founder ${founderId}`);
      res.json(assignmentView(entry));
    })
    .all(methodNotAllowed(['GET']));
}

export function caseRoutes(deps: Dependencies, actorOf: ActorOf) {
  return (router: Router) => {
    assignmentRoutes(deps, router);

    router
      .route('/me')
      .get(async (req, res) => {
        parseQuery(tokenQuerySchema, req);
        const actor = await actorOf(req, res);
        if (actor.kind !== 'founder') throw notFound('Only a founder link has a case of its own');
        const open = await visibleOpenCase(deps, actor, actor.founderId);
        res.json(assignmentView(open.value));
      })
      .all(methodNotAllowed(['GET']));

    router
      .route('/cases/:founderId')
      .get(async (req, res) => {
        const { founderId } = parseParams(founderParamsSchema, req);
        parseQuery(tokenQuerySchema, req);
        const open = await visibleOpenCase(deps, await actorOf(req, res), founderId);
        res.json(caseView(open.value));
      })
      .all(methodNotAllowed(['GET']));

    router
      .route('/cases/:founderId/reassign')
      .post(async (req, res) => {
        const { founderId } = parseParams(founderParamsSchema, req);
        const actor = await actorOf(req, res);
        res.json(caseView(await reassign(deps, actor, founderId, parseBody(reassignSchema, req))));
      })
      .all(methodNotAllowed(['POST']));

    router
      .route('/cases/:founderId/close')
      .post(async (req, res) => {
        const { founderId } = parseParams(founderParamsSchema, req);
        const actor = await actorOf(req, res);
        const { reasonCode } = parseBody(closeSchema, req);
        res.json(caseView(await close(deps, actor, founderId, reasonCode)));
      })
      .all(methodNotAllowed(['POST']));

    router
      .route('/caseload')
      .get(async (req, res) => {
        const { counsellorId } = parseQuery(caseloadQuerySchema, req);
        res.json(await caseloadFor(deps, await actorOf(req, res), counsellorId));
      })
      .all(methodNotAllowed(['GET']));

    router
      .route('/caseloads')
      .get(async (req, res) => {
        res.json({ counsellors: await teamOverview(deps, await actorOf(req, res)) });
      })
      .all(methodNotAllowed(['GET']));
  };
}
