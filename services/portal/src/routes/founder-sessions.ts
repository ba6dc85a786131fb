import express, { type Router } from 'express';
import { appointmentOf, change } from '../founder-api';
import { cancelPage, CANCEL_REASONS, MODES, sessionMissingPage } from '../pages/booking';
import { statusHref, type FormProblem } from '../pages/form-parts';
import {
  backToStatus,
  bodyField,
  chosenSlot,
  founderOf,
  kindOf,
  pickerPage,
  problem,
  refusalProblem,
  type Founder,
} from './founder-link';
import { send, type RouteDeps } from './shared';

/** Booking, moving and cancelling sessions, behind the founder's link like the status page. */
export function founderSessionRoutes(deps: RouteDeps): Router {
  const router = express.Router();
  const picker = (founder: Founder, view: Parameters<typeof pickerPage>[2]) =>
    pickerPage(deps, founder, view);

  router.get('/status/:id/book', async (req, res) => {
    const founder = await founderOf(deps, req, res);
    if (founder === undefined) return;
    const view = { purpose: 'book', action: `${founder.base}/book`, kind: kindOf(req) } as const;
    send(res, 200, await picker(founder, { ...view, problems: [], chosen: {} }));
  });

  router.post('/status/:id/book', async (req, res) => {
    const founder = await founderOf(deps, req, res);
    if (founder === undefined) return;
    const { ctx } = founder;
    const [kind, slot, mode] = [kindOf(req), chosenSlot(req), bodyField(req, 'mode')];
    const view = { purpose: 'book', action: `${founder.base}/book`, kind } as const;
    const problems: FormProblem[] = [];
    if (slot === '') problems.push(problem(ctx, 'slot', 'booking.error.slot'));
    if (!(MODES as readonly string[]).includes(mode)) {
      problems.push(problem(ctx, 'mode', 'booking.error.mode'));
    }
    if (problems.length > 0) {
      return send(res, 400, await picker(founder, { ...view, problems, chosen: { slot, mode } }));
    }
    const path = `/cases/${founder.application.founderId}/appointments`;
    const outcome = await change(deps.apis, founder.link, path, { kind, mode, startsAt: slot });
    if (outcome.ok) return backToStatus(res, founder, 'booked');
    const refused = [refusalProblem(ctx, outcome.code)];
    send(res, 409, await picker(founder, { ...view, problems: refused, chosen: { slot, mode } }));
  });

  /** The appointment of the URL as the founder sees it, or a readable 404 page. */
  const sessionOf = async (founder: Founder, appointmentId: string, res: express.Response) => {
    const appointment = await appointmentOf(deps.apis, founder.link, appointmentId);
    if (appointment === undefined) {
      const back = statusHref(founder.link.applicationId, founder.link.token);
      send(res, 404, sessionMissingPage(founder.ctx, back));
    }
    return appointment;
  };

  router
    .route('/status/:id/sessions/:appointmentId/move')
    .get(async (req, res) => {
      const founder = await founderOf(deps, req, res);
      const current = founder && (await sessionOf(founder, req.params.appointmentId, res));
      if (founder === undefined || current === undefined) return;
      const action = `${founder.base}/sessions/${current.appointmentId}/move`;
      const view = { purpose: 'move', action, kind: current.kind, current } as const;
      send(res, 200, await picker(founder, { ...view, problems: [], chosen: {} }));
    })
    .post(async (req, res) => {
      const founder = await founderOf(deps, req, res);
      const current = founder && (await sessionOf(founder, req.params.appointmentId, res));
      if (founder === undefined || current === undefined) return;
      const slot = chosenSlot(req);
      const action = `${founder.base}/sessions/${current.appointmentId}/move`;
      const view = { purpose: 'move', action, kind: current.kind, current } as const;
      if (slot === '') {
        const problems = [problem(founder.ctx, 'slot', 'booking.error.slot')];
        return send(res, 400, await picker(founder, { ...view, problems, chosen: {} }));
      }
      const path = `/appointments/${current.appointmentId}/reschedule`;
      const outcome = await change(deps.apis, founder.link, path, { startsAt: slot });
      if (outcome.ok) return backToStatus(res, founder, 'moved');
      const problems = [refusalProblem(founder.ctx, outcome.code)];
      send(res, 409, await picker(founder, { ...view, problems, chosen: { slot } }));
    });

  router
    .route('/status/:id/sessions/:appointmentId/cancel')
    .get(async (req, res) => {
      const founder = await founderOf(deps, req, res);
      const appointment = founder && (await sessionOf(founder, req.params.appointmentId, res));
      if (founder === undefined || appointment === undefined) return;
      send(res, 200, cancelPage(founder.ctx, cancelView(founder, appointment, [])));
    })
    .post(async (req, res) => {
      const founder = await founderOf(deps, req, res);
      const appointment = founder && (await sessionOf(founder, req.params.appointmentId, res));
      if (founder === undefined || appointment === undefined) return;
      const reason = bodyField(req, 'reason');
      if (!(CANCEL_REASONS as readonly string[]).includes(reason)) {
        const problems = [problem(founder.ctx, 'reason', 'booking.cancel.error')];
        return send(res, 400, cancelPage(founder.ctx, cancelView(founder, appointment, problems)));
      }
      const path = `/appointments/${appointment.appointmentId}/cancel`;
      const outcome = await change(deps.apis, founder.link, path, { reasonCode: reason });
      if (outcome.ok) return backToStatus(res, founder, 'cancelled');
      const problems = [
        { ...refusalProblem(founder.ctx, outcome.code), field: 'reason', target: 'reason-0' },
      ];
      send(res, 409, cancelPage(founder.ctx, cancelView(founder, appointment, problems, reason)));
    });

  return router;
}

function cancelView(
  founder: Founder,
  appointment: NonNullable<Awaited<ReturnType<typeof appointmentOf>>>,
  problems: FormProblem[],
  chosen?: string,
) {
  const token = encodeURIComponent(founder.link.token);
  return {
    action: `${founder.base}/sessions/${appointment.appointmentId}/cancel?token=${token}`,
    backHref: statusHref(founder.link.applicationId, founder.link.token),
    appointment,
    problems,
    chosen,
  };
}
