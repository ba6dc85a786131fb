import express, { type Request, type Response, type Router } from 'express';
import type { ApiAnswer } from '../api';
import { founderCasePage, notYourCasePage } from '../pages/founder-case';
import type { FormProblem } from '../pages/founder-case-forms';
import { CLOSE_REASONS, isLoaded, loadFounderCase, MILESTONES, MODES } from '../staff/founder-data';
import { refusalKey, refusalStatus } from '../staff/refusals';
import { isLead, sessionOf } from '../staff/session';
import { asStaff } from '../staff/team';
import { contextOf, send, staffTokenOf, str, UUID, type RouteDeps } from './shared';

const NOTICES = new Set([
  'booked',
  'completed',
  'no-show',
  'reassigned',
  'moved',
  'cancelled',
  'notCancelled',
]);

const listOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(str) : typeof value === 'string' ? [value] : [];

/** A founder's page and what a counsellor (or lead) does there, over counselling's API. */
export function staffFounderRoutes(deps: RouteDeps): Router {
  const router = express.Router();

  /** Renders the founder's page, with a refusal at its form or a notice after a change. */
  const render = async (
    req: Request,
    res: Response,
    founderId: string,
    problem?: { form: string; answer: ApiAnswer },
  ) => {
    const token = staffTokenOf(req);
    if (token === undefined) return res.redirect(303, '/staff/sign-in');
    const ctx = contextOf(deps, req, res);
    const loaded = await loadFounderCase(
      { apis: deps.apis, token, language: ctx.language },
      founderId,
      req.query.kind,
    );
    if (!isLoaded(loaded)) {
      if (loaded.status === 401) return res.redirect(303, '/staff/sign-in');
      return send(res, refusalStatus(loaded), notYourCasePage(ctx, refusalKey(loaded)));
    }
    const done = str(req.query.done);
    const formProblem: FormProblem | undefined =
      problem === undefined ? undefined : { form: problem.form, key: refusalKey(problem.answer) };
    const view = {
      data: loaded,
      lead: isLead(sessionOf(token)),
      problem: formProblem,
      notice: NOTICES.has(done) ? `case.done.${done}` : undefined,
    };
    send(
      res,
      problem === undefined ? 200 : refusalStatus(problem.answer),
      founderCasePage(ctx, view),
    );
  };

  /** Sends the change; success → back to the page with a notice, refusal → the page with it. */
  const act = async (
    req: Request,
    res: Response,
    change: { founderId: string; path: string; body: unknown; form: string; done: string },
  ) => {
    const token = staffTokenOf(req);
    if (token === undefined) return res.redirect(303, '/staff/sign-in');
    const answer = await deps.apis.counselling(change.path, {
      method: 'POST',
      body: change.body,
      ...asStaff(token, 'en'),
    });
    if (answer.status < 300) {
      return res.redirect(303, `/staff/founders/${change.founderId}?done=${change.done}#notice`);
    }
    await render(req, res, change.founderId, { form: change.form, answer });
  };

  const founderOf = (req: Request, res: Response, id: unknown): string | undefined => {
    if (typeof id === 'string' && UUID.test(id)) return id;
    send(res, 404, notYourCasePage(contextOf(deps, req, res), 'case.error.notYours'));
    return undefined;
  };

  router.get('/staff/founders/:founderId', async (req, res) => {
    const founderId = founderOf(req, res, req.params.founderId);
    if (founderId !== undefined) await render(req, res, founderId);
  });

  router.post('/staff/founders/:founderId/appointments', async (req, res) => {
    const founderId = founderOf(req, res, req.params.founderId);
    if (founderId === undefined) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const mode = MODES.find((m) => m === body.mode) ?? 'video';
    await act(req, res, {
      founderId,
      path: `/cases/${founderId}/appointments`,
      body: {
        kind: str(body.kind),
        mode,
        startsAt: str(body.startsAt),
        ...(body.beyondAllowance === 'yes' ? { beyondAllowance: true } : {}),
      },
      form: 'book',
      done: 'booked',
    });
  });

  for (const [action, done] of [
    ['complete', 'completed'],
    ['no-show', 'no-show'],
  ] as const) {
    router.post(`/staff/appointments/:appointmentId/${action}`, async (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const founderId = founderOf(req, res, body.founderId);
      const appointmentId = req.params.appointmentId;
      if (founderId === undefined) return;
      if (!UUID.test(appointmentId)) return render(req, res, founderId);
      const notes = str(body.notes).trim();
      const milestones = listOf(body.milestones).filter((m) =>
        MILESTONES.some((known) => known === m),
      );
      await act(req, res, {
        founderId,
        path: `/appointments/${appointmentId}/${action}`,
        body:
          action === 'no-show'
            ? {}
            : {
                ...(notes ? { notes } : {}),
                milestones: milestones.map((milestone) => ({ milestone })),
              },
        form: `notes-${appointmentId}`,
        done,
      });
    });
  }

  router.post('/staff/founders/:founderId/reassign', async (req, res) => {
    const founderId = founderOf(req, res, req.params.founderId);
    if (founderId === undefined) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const counsellorId = str(body.counsellorId);
    const note = str(body.note).trim();
    await act(req, res, {
      founderId,
      path: `/cases/${founderId}/reassign`,
      body: { ...(UUID.test(counsellorId) ? { counsellorId } : {}), ...(note ? { note } : {}) },
      form: 'counsellorId',
      done: 'reassigned',
    });
  });

  router.post('/staff/founders/:founderId/close', async (req, res) => {
    const founderId = founderOf(req, res, req.params.founderId);
    if (founderId === undefined) return;
    const token = staffTokenOf(req);
    if (token === undefined) return res.redirect(303, '/staff/sign-in');
    const asked = str((req.body as Record<string, unknown> | undefined)?.reasonCode);
    const reasonCode = CLOSE_REASONS.find((r) => r === asked);
    const answer =
      reasonCode === undefined
        ? { status: 400, body: {} }
        : await deps.apis.counselling(`/cases/${founderId}/close`, {
            method: 'POST',
            body: { reasonCode },
            ...asStaff(token, 'en'),
          });
    // A closed case is no longer on the board nor a page of its own: back to the board.
    if (answer.status < 300) return res.redirect(303, '/staff/board?done=closed');
    await render(req, res, founderId, { form: 'closeReason', answer });
  });

  return router;
}
