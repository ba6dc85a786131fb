import express, { type Request, type Response, type Router } from 'express';
import { notYourCasePage } from '../pages/founder-case';
import { staffMovePage } from '../pages/staff-move';
import {
  appointmentOf,
  freeSlotsOf,
  STAFF_CANCEL_REASONS,
  type AppointmentView,
} from '../staff/founder-data';
import { refusalKey, refusalStatus } from '../staff/refusals';
import { asStaff } from '../staff/team';
import { contextOf, send, staffTokenOf, str, UUID, type RouteDeps } from './shared';

interface SessionRequest {
  token: string;
  founderId: string;
  appointmentId: string;
}

/**
 * Moving and cancelling a founder's booked session from their page, for their counsellor or a
 * lead; counselling decides whether the new time is free and whether the session may change.
 */
export function staffSessionRoutes(deps: RouteDeps): Router {
  const router = express.Router();

  /** The token and ids of the URL, or the way out (sign-in, a readable "not your case"). */
  const sessionRequest = (req: Request, res: Response): SessionRequest | undefined => {
    const token = staffTokenOf(req);
    if (token === undefined) {
      res.redirect(303, '/staff/sign-in');
      return undefined;
    }
    const founderId = str(req.params.founderId);
    const appointmentId = str(req.params.appointmentId);
    if (!UUID.test(founderId) || !UUID.test(appointmentId)) {
      send(res, 404, notYourCasePage(contextOf(deps, req, res), 'case.error.notYours'));
      return undefined;
    }
    return { token, founderId, appointmentId };
  };

  const renderMove = async (
    req: Request,
    res: Response,
    asked: SessionRequest,
    refusal?: { status: number; key: string },
  ) => {
    const ctx = contextOf(deps, req, res);
    const call = { apis: deps.apis, token: asked.token, language: ctx.language };
    const found = await appointmentOf(call, asked.founderId, asked.appointmentId);
    if (!('appointmentId' in found)) {
      return send(res, refusalStatus(found), notYourCasePage(ctx, refusalKey(found)));
    }
    const appointment: AppointmentView = found;
    const slots = await freeSlotsOf(call, asked.founderId, appointment.kind);
    const view = { founderId: asked.founderId, appointment, slots, refusal: refusal?.key };
    send(res, refusal?.status ?? 200, staffMovePage(ctx, view));
  };

  const base = '/staff/founders/:founderId/sessions/:appointmentId';

  router.get(`${base}/move`, async (req, res) => {
    const asked = sessionRequest(req, res);
    if (asked !== undefined) await renderMove(req, res, asked);
  });

  router.post(`${base}/move`, async (req, res) => {
    const asked = sessionRequest(req, res);
    if (asked === undefined) return;
    const startsAt = str((req.body as Record<string, unknown> | undefined)?.startsAt);
    const answer = await deps.apis.counselling(`/appointments/${asked.appointmentId}/reschedule`, {
      method: 'POST',
      body: { startsAt },
      ...asStaff(asked.token, 'en'),
    });
    if (answer.status < 300) {
      return res.redirect(303, `/staff/founders/${asked.founderId}?done=moved#notice`);
    }
    await renderMove(req, res, asked, {
      status: refusalStatus(answer),
      key: refusalKey(answer),
    });
  });

  router.post(`${base}/cancel`, async (req, res) => {
    const asked = sessionRequest(req, res);
    if (asked === undefined) return;
    const reason = str((req.body as Record<string, unknown> | undefined)?.reasonCode);
    const reasonCode = STAFF_CANCEL_REASONS.find((r) => r === reason) ?? 'counsellor-unavailable';
    const answer = await deps.apis.counselling(`/appointments/${asked.appointmentId}/cancel`, {
      method: 'POST',
      body: { reasonCode },
      ...asStaff(asked.token, 'en'),
    });
    if (answer.status >= 500 || answer.status === 401 || answer.status === 404) {
      const ctx = contextOf(deps, req, res);
      return send(res, refusalStatus(answer), notYourCasePage(ctx, refusalKey(answer)));
    }
    // Otherwise refused because the session changed meanwhile: the page shows how it is now.
    const done = answer.status < 300 ? 'cancelled' : 'notCancelled';
    res.redirect(303, `/staff/founders/${asked.founderId}?done=${done}#notice`);
  });

  return router;
}
