import {
  AppError,
  methodNotAllowed,
  notFound,
  parseParams,
  parseQuery,
} from '@grunderboost/service-kit';
import type { Router } from 'express';
import { calendarOf } from '../app/caseloads';
import type { Dependencies } from '../app/dependencies';
import { canSeeCase } from '../domain/access';
import type { ActorOf } from './actor';
import type { CalendarKeys } from './calendar-feed';
import { calendarQuerySchema, counsellorParamsSchema } from './schemas';

export function calendarRoutes(deps: Dependencies, actorOf: ActorOf, keys: CalendarKeys) {
  return (router: Router) => {
    router
      .route('/counsellors/:counsellorId/calendar.ics')
      .get(async (req, res) => {
        const { counsellorId } = parseParams(counsellorParamsSchema, req);
        const { key } = parseQuery(calendarQuerySchema, req);
        if (!keys.matches(counsellorId, key)) throw notFound('No such calendar feed');
        res.type('text/calendar; charset=utf-8').send(await calendarOf(deps, counsellorId));
      })
      .all(methodNotAllowed(['GET']));

    router
      .route('/counsellors/:counsellorId/calendar-link')
      .get(async (req, res) => {
        const { counsellorId } = parseParams(counsellorParamsSchema, req);
        const actor = await actorOf(req, res);
        // The same rule as for a case of theirs: the counsellor themself, or a lead.
        if (!canSeeCase(actor, { founderId: '', counsellorId })) {
          throw new AppError({
            status: 403,
            title: 'Forbidden',
            detail: 'Only the counsellor or a lead',
          });
        }
        const path = `/counsellors/${counsellorId}/calendar.ics?key=${keys.keyOf(counsellorId)}`;
        res.json({ path });
      })
      .all(methodNotAllowed(['GET']));
  };
}
