import express, { type Router } from 'express';
import { boardPage, signInPage, type BoardItem } from '../pages/staff';
import { contextOf, send, staffTokenOf, str, UUID, type RouteDeps } from './shared';

/** The fields of intake's staff search the board shows. */
interface SearchItem {
  applicationId?: string;
  status?: string;
  submittedAt?: string;
  details?: { contact?: { name?: string }; municipality?: string };
}

/** Staff pages: sign-in (development token issuer), the board and its actions. */
export function staffRoutes(deps: RouteDeps): Router {
  const router = express.Router();
  const context = (req: express.Request, res: express.Response) => contextOf(deps, req, res);
  const staffToken = staffTokenOf;

  router.get('/staff/sign-in', (req, res) => send(res, 200, signInPage(context(req, res))));
  router.post('/staff/sign-in', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const answer = await deps.apis.intake('/dev/token', {
      method: 'POST',
      body: { staffId: str(body.staffId), roles: [str(body.role)] },
    });
    if (answer.status !== 200) return send(res, 400, signInPage(context(req, res)));
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
    const token = staffToken(req);
    if (token === undefined) return res.redirect(303, '/staff/sign-in');
    const ctx = context(req, res);
    const answer = await deps.apis.intake('/applications?limit=100', {
      headers: { authorization: `Bearer ${token}`, 'accept-language': ctx.language },
    });
    if (answer.status === 401 || answer.status === 403) return res.redirect(303, '/staff/sign-in');
    const items = ((answer.body.items ?? []) as SearchItem[]).map((item): BoardItem => ({
      applicationId: str(item.applicationId),
      status: str(item.status),
      name: str(item.details?.contact?.name),
      municipality: str(item.details?.municipality),
      submittedAt: str(item.submittedAt),
    }));
    send(res, 200, boardPage(ctx, items));
  });
  router.post('/staff/applications/:id/accept', async (req, res) => {
    const token = staffToken(req);
    if (token === undefined || !UUID.test(req.params.id))
      return res.redirect(303, '/staff/sign-in');
    await deps.apis.intake(`/applications/${req.params.id}/triage`, {
      method: 'POST',
      body: { decision: 'accepted', reasonCodes: ['eligible'] },
      headers: { authorization: `Bearer ${token}` },
    });
    res.redirect(303, '/staff/board');
  });

  return router;
}
