import express, { type Request, type Response, type Router } from 'express';
import type { ApiAnswer } from '../api';
import { problemPage } from '../pages/problem';
import { triagePage, type StaffApplication, type TriageView } from '../pages/triage';
import { asStaff } from '../staff/team';
import { parseTriageForm } from '../staff/triage-form';
import { contextOf, send, staffTokenOf, str, UUID, type RouteDeps } from './shared';

/** intake's refusal of a decision as the page's words (409s are someone else's doing). */
function refusalOf(answer: ApiAnswer): string {
  if (answer.status >= 500) return 'triage.refusal.unavailable';
  const type = str(answer.body.type);
  if (type.endsWith(':already_triaged')) return 'triage.refusal.already';
  if (type.endsWith(':not_open')) return 'triage.refusal.closed';
  return 'triage.refusal.other';
}

/**
 * A counsellor reads an application and decides on it (accept, decline, refer) with reasons the
 * founder reads in their own language; intake records and announces the decision.
 */
export function staffTriageRoutes(deps: RouteDeps): Router {
  const router = express.Router();

  /** The application with its form, or the way out (sign-in, a readable 404). */
  const render = async (
    req: Request,
    res: Response,
    status: number,
    form: Omit<TriageView, 'application'> = {},
  ) => {
    const token = staffTokenOf(req);
    if (token === undefined) return res.redirect(303, '/staff/sign-in');
    const ctx = contextOf(deps, req, res);
    const id = str(req.params.applicationId);
    const answer = UUID.test(id)
      ? await deps.apis.intake(`/applications/${id}`, asStaff(token, ctx.language))
      : { status: 404, body: {} };
    if (answer.status === 401 || answer.status === 403) return res.redirect(303, '/staff/sign-in');
    if (answer.status === 404) return send(res, 404, problemPage(ctx, 'notFound'));
    if (answer.status !== 200) return send(res, 502, problemPage(ctx, 'unavailable'));
    const application = answer.body as unknown as StaffApplication;
    send(res, status, triagePage(ctx, { application, ...form }));
  };

  router.get('/staff/applications/:applicationId', (req, res) => render(req, res, 200));

  router.post('/staff/applications/:applicationId', async (req, res) => {
    const token = staffTokenOf(req);
    if (token === undefined) return res.redirect(303, '/staff/sign-in');
    const parsed = parseTriageForm(req.body as Record<string, unknown>);
    if (!parsed.ok) {
      return render(req, res, 400, { values: parsed.values, problems: parsed.problems });
    }
    const id = str(req.params.applicationId);
    if (!UUID.test(id)) return render(req, res, 404);
    const answer = await deps.apis.intake(`/applications/${id}/triage`, {
      method: 'POST',
      body: parsed.body,
      ...asStaff(token, 'en'),
    });
    if (answer.status < 300) {
      return res.redirect(303, `/staff/board?done=${parsed.body.decision}`);
    }
    const status = answer.status >= 500 ? 503 : answer.status;
    await render(req, res, status, { values: parsed.values, refusal: refusalOf(answer) });
  });

  return router;
}
