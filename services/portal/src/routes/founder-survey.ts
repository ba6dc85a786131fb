import express, { type Request, type Router } from 'express';
import { surveyMessagePage, surveyPage } from '../pages/survey';
import type { FormProblem } from '../pages/form-parts';
import { t, type PageContext } from '../layout';
import { parseSurvey, surveyFormSchema, type SurveyErrors } from '../survey-form';
import { contextOf, send, str, UUID, type RouteDeps } from './shared';

/** Where each field's error summary entry leads: the first control of a group. */
const TARGETS: Record<string, string> = {
  stillOperating: 'stillOperating-0',
  revenueBand: 'revenueBand-0',
  fundingObtained: 'fundingObtained-0',
};

const problemsOf = (ctx: PageContext, errors: SurveyErrors): FormProblem[] =>
  Object.entries(errors).map(([field, key]) => ({
    field,
    target: TARGETS[field] ?? field,
    message: t(ctx, key),
  }));

/** The follow-up survey behind the link the follow-up service sends the founder. */
export function founderSurveyRoutes(deps: RouteDeps): Router {
  const router = express.Router();

  /** The follow-up of the link, or why it cannot be answered. */
  async function followUpOf(req: Request) {
    const id = str(req.params.id);
    const token = str(req.query.token);
    if (!UUID.test(id) || token === '') return { kind: 'missing' as const };
    const answer = await deps.apis.followUp(`/follow-ups/${id}`, {
      headers: { 'founder-token': token },
    });
    if (answer.status !== 200) return { kind: 'missing' as const };
    const status = str(answer.body.status);
    if (status === 'answered') return { kind: 'answered' as const };
    if (status === 'erased') return { kind: 'missing' as const };
    const months = Number(answer.body.monthsAfterRegistration);
    const action = `/follow-up/${id}?token=${encodeURIComponent(token)}`;
    return { kind: 'open' as const, id, token, months, action };
  }

  router.get('/follow-up/:id', async (req, res) => {
    const ctx = contextOf(deps, req, res);
    const followUp = await followUpOf(req);
    if (followUp.kind !== 'open') {
      return send(
        res,
        followUp.kind === 'missing' ? 404 : 200,
        surveyMessagePage(ctx, followUp.kind),
      );
    }
    const view = { action: followUp.action, monthsAfterRegistration: followUp.months };
    send(res, 200, surveyPage(ctx, { ...view, values: {}, problems: [] }));
  });

  router.post('/follow-up/:id', async (req, res) => {
    const ctx = contextOf(deps, req, res);
    const followUp = await followUpOf(req);
    if (followUp.kind !== 'open') {
      return send(
        res,
        followUp.kind === 'missing' ? 404 : 409,
        surveyMessagePage(ctx, followUp.kind),
      );
    }
    const form = surveyFormSchema.safeParse(req.body ?? {});
    const values = form.success ? form.data : {};
    const parsed = parseSurvey(values);
    const view = { action: followUp.action, monthsAfterRegistration: followUp.months, values };
    if (!parsed.ok) {
      return send(res, 400, surveyPage(ctx, { ...view, problems: problemsOf(ctx, parsed.errors) }));
    }
    const answer = await deps.apis.followUp(`/follow-ups/${followUp.id}/answers`, {
      method: 'POST',
      body: parsed.answers,
      headers: { 'founder-token': followUp.token },
    });
    if (answer.status === 201) return send(res, 201, surveyMessagePage(ctx, 'thanks'));
    if (answer.status === 409) return send(res, 409, surveyMessagePage(ctx, 'answered'));
    // The portal's rules match the API's; anything else it refuses is shown, never a 5xx.
    const problems = [
      { field: 'form', target: 'stillOperating-0', message: t(ctx, 'survey.error.other') },
    ];
    send(res, answer.status >= 500 ? 502 : 400, surveyPage(ctx, { ...view, problems }));
  });

  return router;
}
