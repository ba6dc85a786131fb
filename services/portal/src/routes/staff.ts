import express, { type Router } from 'express';
import { boardPage, signInPage } from '../pages/staff';
import { applicationItems, caseCards } from '../staff/board-data';
import { isLead, sessionOf } from '../staff/session';
import { asStaff, teamForSignIn } from '../staff/team';
import { contextOf, send, staffTokenOf, str, UUID, type RouteDeps } from './shared';
import { staffFounderRoutes } from './staff-founder';
import { staffTeamRoutes } from './staff-team';
import { staffSessionRoutes } from './staff-sessions';
import { staffTriageRoutes } from './staff-triage';

const ROLES = new Set(['counsellor', 'lead', 'analyst', 'admin']);
const NOTICES = new Set(['accepted', 'declined', 'referred', 'notTriaged', 'closed']);

/**
 * Staff pages: development sign-in (the local token issuer; production signs in through the
 * organisation's OIDC login, configured in packages/auth), the board and its actions, and the
 * founder and team pages of their own routers.
 */
export function staffRoutes(deps: RouteDeps): Router {
  const router = express.Router();
  const context = (req: express.Request, res: express.Response) => contextOf(deps, req, res);

  router.get('/staff/sign-in', async (req, res) =>
    send(res, 200, signInPage(context(req, res), { team: await teamForSignIn(deps.apis) })),
  );
  router.post('/staff/sign-in', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const role = ROLES.has(str(body.role)) ? str(body.role) : 'counsellor';
    const team = await teamForSignIn(deps.apis);
    let staffId = str(body.staffId).trim();
    // A counsellor is someone counselling knows; other roles get an id of their own.
    if (
      role === 'counsellor' &&
      team !== undefined &&
      !team.some((m) => m.counsellorId === staffId)
    ) {
      return send(
        res,
        400,
        signInPage(context(req, res), { team, error: 'staff.signIn.pickCounsellor' }),
      );
    }
    if (staffId === '') staffId = crypto.randomUUID();
    const answer = await deps.apis.intake('/dev/token', {
      method: 'POST',
      body: { staffId, roles: [role] },
    });
    if (answer.status !== 200) {
      return send(res, 400, signInPage(context(req, res), { team, error: 'staff.signIn.failed' }));
    }
    const token = str(answer.body.access_token);
    res.append(
      'Set-Cookie',
      `staff_token=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=28800`,
    );
    res.redirect(303, '/staff/board');
  });
  router.get('/staff/sign-out', (_req, res) => {
    res.append('Set-Cookie', 'staff_token=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
    res.redirect(303, '/');
  });

  router.get('/staff/board', async (req, res) => {
    const token = staffTokenOf(req);
    if (token === undefined) return res.redirect(303, '/staff/sign-in');
    const ctx = context(req, res);
    const call = { apis: deps.apis, token, language: ctx.language };
    const applications = await applicationItems(call);
    if (applications.status === 401 || applications.status === 403) {
      return res.redirect(303, '/staff/sign-in');
    }
    const session = sessionOf(token);
    const cases = await caseCards(call, session).catch(() => undefined);
    const notice = NOTICES.has(str(req.query.done))
      ? `board.done.${str(req.query.done)}`
      : undefined;
    send(
      res,
      200,
      boardPage(ctx, {
        items: applications.items,
        cases,
        everyone: isLead(session),
        ...(notice ? { notice } : {}),
      }),
    );
  });
  router.post('/staff/applications/:id/accept', async (req, res) => {
    const token = staffTokenOf(req);
    if (token === undefined || !UUID.test(req.params.id))
      return res.redirect(303, '/staff/sign-in');
    const answer = await deps.apis.intake(`/applications/${req.params.id}/triage`, {
      method: 'POST',
      body: { decision: 'accepted', reasonCodes: ['eligible'] },
      ...asStaff(token, 'en'),
    });
    // Someone else decided first (409) or it was withdrawn: the board says so rather than failing.
    res.redirect(303, `/staff/board?done=${answer.status < 300 ? 'accepted' : 'notTriaged'}`);
  });

  router.use(staffFounderRoutes(deps));
  router.use(staffTriageRoutes(deps));
  router.use(staffSessionRoutes(deps));
  router.use(staffTeamRoutes(deps));
  return router;
}
