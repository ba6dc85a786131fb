import type { Catalogue } from '@grunderboost/i18n';
import express, { type Request, type Response, type Router } from 'express';
import type { ServiceApis } from './api';
import { cookiesOf, pageContext } from './context';
import { applicationRequest, fieldOfPath, formSchema } from './form';
import { applyPage, type FieldErrors } from './pages/apply';
import { dashboardCsv, dashboardPage, type Figures } from './pages/dashboard';
import { homePage } from './pages/home';
import { boardPage, signInPage, type BoardItem } from './pages/staff';
import { confirmPage, statusPage, type StatusView } from './pages/status';

interface Deps {
  apis: ServiceApis;
  catalogue: Catalogue;
  consentTextVersion: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The fields of intake's staff search the board shows. */
interface SearchItem {
  applicationId?: string;
  status?: string;
  submittedAt?: string;
  details?: { contact?: { name?: string }; municipality?: string };
}
const send = (res: Response, status: number, body: string) =>
  res.status(status).type('html').send(body);

function errorsOf(body: Record<string, unknown>): FieldErrors {
  const errors: FieldErrors = {};
  const list = Array.isArray(body.errors)
    ? (body.errors as Array<{ path?: string; message?: string }>)
    : [];
  for (const error of list) {
    const field = fieldOfPath(error.path ?? '');
    (errors[field] ??= []).push(error.message ?? '');
  }
  if (list.length === 0) errors.form = [str(body.title), str(body.detail)];
  return errors;
}

export function portalRoutes(deps: Deps): Router {
  const router = express.Router();
  const context = (req: Request, res: Response) => pageContext(req, res, deps.catalogue);
  const staffToken = (req: Request) => cookiesOf(req).staff_token;

  router.get('/', (req, res) => send(res, 200, homePage(context(req, res))));
  router.get('/apply', (req, res) => send(res, 200, applyPage(context(req, res), {}, {})));
  router.post('/apply', async (req, res) => {
    const ctx = context(req, res);
    const form = formSchema.safeParse(req.body ?? {});
    const values = form.success ? form.data : {};
    const answer = await deps.apis.intake('/applications', {
      method: 'POST',
      body: applicationRequest(values, deps.consentTextVersion),
      headers: { 'accept-language': ctx.language },
    });
    if (answer.status !== 201 && answer.status !== 200) {
      return send(
        res,
        answer.status >= 500 ? 502 : 400,
        applyPage(ctx, values, errorsOf(answer.body)),
      );
    }
    const { applicationId, linkToken } = answer.body as {
      applicationId: string;
      linkToken: string;
    };
    send(
      res,
      201,
      confirmPage(ctx, `/status/${applicationId}?token=${encodeURIComponent(linkToken)}`),
    );
  });

  router.get('/status/:id', async (req, res) => {
    const ctx = context(req, res);
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    if (!UUID.test(req.params.id) || token === '')
      return send(res, 404, statusPage(ctx, undefined));
    const answer = await deps.apis.intake(`/applications/${req.params.id}`, {
      headers: { 'founder-token': token, 'accept-language': ctx.language },
    });
    if (answer.status !== 200) return send(res, 404, statusPage(ctx, undefined));
    send(res, 200, statusPage(ctx, answer.body as unknown as StatusView));
  });

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

  const figures = async (): Promise<Figures | undefined> => {
    const answer = await deps.apis.metrics('/metrics/summary').catch(() => undefined);
    if (answer?.status !== 200) return undefined;
    return {
      applications: Number(answer.body.applications ?? 0),
      assignments: Number(answer.body.assignments ?? 0),
    };
  };
  router.get('/dashboard', async (req, res) =>
    send(res, 200, dashboardPage(context(req, res), await figures())),
  );
  router.get('/dashboard.csv', async (_req, res) => {
    const found = await figures();
    if (found === undefined) return res.status(503).type('text/plain').send('figures unavailable');
    res.type('text/csv').attachment('grunderboost-funnel.csv').send(dashboardCsv(found));
  });
  return router;
}
