import { methodNotAllowed, parseBody, parseParams, parseQuery } from '@grunderboost/service-kit';
import type { Request, Response, Router } from 'express';
import { book, slotsForFounder } from '../app/booking';
import {
  cancel,
  complete,
  confirm,
  noShow,
  reschedule,
  view,
  withoutNotesFor,
} from '../app/changes';
import type { Dependencies } from '../app/dependencies';
import { visibleOpenCase } from '../app/calendar-access';
import type { Actor } from '../domain/access';
import type { Appointment } from '../domain/appointment';
import type { ActorOf } from './actor';
import {
  appointmentParamsSchema,
  bookingSchema,
  cancelSchema,
  completionSchema,
  founderParamsSchema,
  rescheduleSchema,
  slotQuerySchema,
  tokenQuerySchema,
} from './schemas';

type Change = (actor: Actor, appointmentId: string, req: Request) => Promise<Appointment>;

export function appointmentRoutes(deps: Dependencies, actorOf: ActorOf) {
  /** POST /appointments/:id/<action>: parse, act, answer with the appointment as the actor sees it. */
  const action = (change: Change) => async (req: Request, res: Response) => {
    const { appointmentId } = parseParams(appointmentParamsSchema, req);
    parseQuery(tokenQuerySchema, req);
    const actor = await actorOf(req, res);
    res.json(withoutNotesFor(actor, await change(actor, appointmentId, req)));
  };

  return (router: Router) => {
    router
      .route('/cases/:founderId/slots')
      .get(async (req, res) => {
        const { founderId } = parseParams(founderParamsSchema, req);
        const { from, to, kind } = parseQuery(slotQuerySchema, req);
        const slots = await slotsForFounder(deps, await actorOf(req, res), founderId, {
          from,
          to,
          kind,
        });
        res.json({ kind, slots });
      })
      .all(methodNotAllowed(['GET']));

    router
      .route('/cases/:founderId/appointments')
      .get(async (req, res) => {
        const { founderId } = parseParams(founderParamsSchema, req);
        parseQuery(tokenQuerySchema, req);
        const actor = await actorOf(req, res);
        await visibleOpenCase(deps, actor, founderId);
        const appointments = await deps.appointments.ofFounder(founderId);
        res.json({ appointments: appointments.map((a) => withoutNotesFor(actor, a)) });
      })
      .post(async (req, res) => {
        const { founderId } = parseParams(founderParamsSchema, req);
        parseQuery(tokenQuerySchema, req);
        const actor = await actorOf(req, res);
        const request = parseBody(bookingSchema, req);
        const appointment = await book(deps, actor, founderId, {
          ...request,
          startsAt: new Date(request.startsAt),
        });
        res
          .status(201)
          .location(`/appointments/${appointment.appointmentId}`)
          .json(withoutNotesFor(actor, appointment));
      })
      .all(methodNotAllowed(['GET', 'POST']));

    router
      .route('/appointments/:appointmentId')
      .get(action((actor, id) => view(deps, actor, id)))
      .all(methodNotAllowed(['GET']));

    const post = (path: string, change: Change) =>
      router
        .route(`/appointments/:appointmentId/${path}`)
        .post(action(change))
        .all(methodNotAllowed(['POST']));

    post('reschedule', (actor, id, req) =>
      reschedule(deps, actor, id, new Date(parseBody(rescheduleSchema, req).startsAt)),
    );
    post('cancel', (actor, id, req) =>
      cancel(deps, actor, id, parseBody(cancelSchema, req).reasonCode),
    );
    post('confirm', (actor, id) => confirm(deps, actor, id));
    post('complete', (actor, id, req) =>
      complete(deps, actor, id, parseBody(completionSchema, req)),
    );
    post('no-show', (actor, id) => noShow(deps, actor, id));
  };
}
