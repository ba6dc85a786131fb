import express, { type Router } from 'express';
import { teamPage, type CounsellorLoad } from '../pages/lead';
import { refusalKey, refusalStatus } from '../staff/refusals';
import { asStaff } from '../staff/team';
import { contextOf, send, staffTokenOf, type RouteDeps } from './shared';

/** For leads: the load across counsellors against capacity (counselling's `GET /caseloads`). */
export function staffTeamRoutes(deps: RouteDeps): Router {
  const router = express.Router();
  router.get('/staff/team', async (req, res) => {
    const token = staffTokenOf(req);
    if (token === undefined) return res.redirect(303, '/staff/sign-in');
    const ctx = contextOf(deps, req, res);
    const answer = await deps.apis.counselling('/caseloads', asStaff(token, ctx.language));
    if (answer.status === 401) return res.redirect(303, '/staff/sign-in');
    if (answer.status !== 200) {
      const key = answer.status === 403 ? 'lead.onlyLeads' : refusalKey(answer);
      return send(res, refusalStatus(answer), teamPage(ctx, undefined, key));
    }
    send(res, 200, teamPage(ctx, answer.body.counsellors as CounsellorLoad[]));
  });
  return router;
}
