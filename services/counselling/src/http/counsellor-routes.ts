import { methodNotAllowed, parseBody, parseParams } from '@grunderboost/service-kit';
import type { Router } from 'express';
import {
  createCounsellor,
  getCounsellor,
  listCounsellors,
  registerLeave,
  replaceCounsellor,
} from '../app/counsellors';
import type { Dependencies } from '../app/dependencies';
import { isDigitalOnly, type Counsellor } from '../domain/counsellor';
import type { ActorOf } from './actor';
import {
  counsellorParamsSchema,
  counsellorProfileSchema,
  leaveSchema,
  newCounsellorSchema,
} from './schemas';

export const counsellorView = (counsellor: Counsellor) => ({
  ...counsellor,
  digitalOnly: isDigitalOnly(counsellor),
});

/** Leads set up counsellors: profile, capacity, weekly availability and its exceptions. */
export function counsellorRoutes(deps: Dependencies, actorOf: ActorOf) {
  return (router: Router) => {
    router
      .route('/counsellors')
      .get(async (req, res) => {
        const team = await listCounsellors(deps, await actorOf(req, res));
        res.json({ counsellors: team.map(counsellorView) });
      })
      .post(async (req, res) => {
        const actor = await actorOf(req, res);
        const counsellor = await createCounsellor(deps, actor, parseBody(newCounsellorSchema, req));
        res
          .status(201)
          .location(`/counsellors/${counsellor.counsellorId}`)
          .json(counsellorView(counsellor));
      })
      .all(methodNotAllowed(['GET', 'POST']));

    router
      .route('/counsellors/:counsellorId')
      .get(async (req, res) => {
        const { counsellorId } = parseParams(counsellorParamsSchema, req);
        res.json(counsellorView(await getCounsellor(deps, await actorOf(req, res), counsellorId)));
      })
      .put(async (req, res) => {
        const { counsellorId } = parseParams(counsellorParamsSchema, req);
        const actor = await actorOf(req, res);
        const profile = parseBody(counsellorProfileSchema, req);
        res.json(
          counsellorView(await replaceCounsellor(deps, actor, { counsellorId, ...profile })),
        );
      })
      .all(methodNotAllowed(['GET', 'PUT']));

    router
      .route('/counsellors/:counsellorId/leave')
      .post(async (req, res) => {
        const { counsellorId } = parseParams(counsellorParamsSchema, req);
        const actor = await actorOf(req, res);
        const outcome = await registerLeave(deps, actor, counsellorId, parseBody(leaveSchema, req));
        res.json({
          counsellor: counsellorView(outcome.counsellor),
          reassigned: outcome.moved.map((c) => ({
            founderId: c.founderId,
            counsellorId: c.counsellorId,
            reason: c.reason,
          })),
        });
      })
      .all(methodNotAllowed(['POST']));
  };
}
