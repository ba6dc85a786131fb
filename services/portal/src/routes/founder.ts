import express, { type Router } from 'express';
import { applicationRequest, fieldOfPath, formSchema } from '../form';
import { applyPage, type FieldErrors } from '../pages/apply';
import { homePage } from '../pages/home';
import { applicationOf, appointmentsOf, journeyOf } from '../founder-api';
import { confirmPage, statusPage } from '../pages/status';
import { founderSessionRoutes } from './founder-sessions';
import { founderSurveyRoutes } from './founder-survey';
import { contextOf, send, str, UUID, type RouteDeps } from './shared';

/** Intake's validation problems, by the form field they belong to. */
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

/** The founder's pages: start, the application form and the status page behind their link. */
export function founderRoutes(deps: RouteDeps): Router {
  const router = express.Router();
  const context = (req: express.Request, res: express.Response) => contextOf(deps, req, res);

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
    const link = { applicationId: req.params.id, token };
    const application = await applicationOf(deps.apis, link, ctx.language);
    if (application === undefined) return send(res, 404, statusPage(ctx, undefined));
    // The journey (Temporal, through the bridge) and the sessions (counselling), side by side.
    const [journey, appointments] = await Promise.all([
      journeyOf(deps.apis, application.founderId, link),
      appointmentsOf(deps.apis, application.founderId, link),
    ]);
    const base = `/status/${link.applicationId}`;
    const query = `?token=${encodeURIComponent(token)}`;
    send(
      res,
      200,
      statusPage(ctx, application, {
        journey,
        appointments,
        href: (path) => `${base}${path}${query}`,
        notice: str(req.query.notice),
        now: new Date(),
      }),
    );
  });

  router.use(founderSessionRoutes(deps));
  router.use(founderSurveyRoutes(deps));

  return router;
}
