import type { LinkTokens } from '@grunderboost/auth';
import { requestIdOf } from '@grunderboost/service-kit';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { IntakeUseCases } from '../app/use-cases';
import { type AccessCheck, CASEWORK_ROLES } from './access';
import type { Localiser } from './localise';
import { refusalProblem } from './refusals';
import {
  applicationChangeSchema,
  applicationParamsSchema,
  applicationRequestSchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyHeaderSchema,
  withdrawalSchema,
} from './schemas';
import { founderView, staffView } from './views';

export interface RouteDeps {
  useCases: IntakeUseCases;
  localise: Localiser;
  access: AccessCheck;
  links: LinkTokens;
  /** Where a founder's status link points; the application id and token are appended. */
  linkBaseUrl: string;
  /** Per-client limit on creating applications (a no-op when disabled). */
  createLimit: RequestHandler;
}

export function statusLink(base: string, applicationId: string, token: string): string {
  return `${base.replace(/\/$/, '')}/${applicationId}?token=${encodeURIComponent(token)}`;
}

export function applicationRoutes(deps: RouteDeps): (router: Router) => void {
  const { useCases, localise, access } = deps;
  const languages = localise.catalogue.languages.map((l) => l.language) as [string, ...string[]];
  const createSchema = applicationRequestSchema(languages);
  const changeSchema = applicationChangeSchema(languages);
  const idOf = (req: Request, res: Response) =>
    localise.parse(applicationParamsSchema, req.params, req, res).id;

  return (router) => {
    router.route('/applications').post(deps.createLimit, async (req, res) => {
      const headers = localise.parse(
        idempotencyHeaderSchema,
        { [IDEMPOTENCY_KEY_HEADER]: req.get(IDEMPOTENCY_KEY_HEADER) },
        req,
        res,
      );
      const { consents, ...details } = localise.parse(createSchema, req.body, req, res);
      const result = await useCases.submit({ details, consents }, headers[IDEMPOTENCY_KEY_HEADER]);
      if (!result.ok) throw refusalProblem(localise, req, res, result.refusal);
      const { created, application } = result.value;
      const language = localise.languageOf(req, res, application.language);
      const token = deps.links.issue(application.applicationId);
      // A retry gets the same body, with 200: nothing new was created.
      res
        .status(created ? 201 : 200)
        .location(`/applications/${application.applicationId}`)
        .json({
          ...founderView(application, localise.catalogue, language),
          statusLink: statusLink(deps.linkBaseUrl, application.applicationId, token),
          linkToken: token,
        });
    });

    router
      .route('/applications/:id')
      .get(async (req, res) => {
        const id = idOf(req, res);
        const who = await access.to(req, res, id, CASEWORK_ROLES);
        const application =
          who.kind === 'staff'
            ? await useCases.readAsStaff(id, {
                staffId: who.staff.staffId,
                roles: who.staff.roles,
                requestId: requestIdOf(req),
              })
            : await useCases.get(id);
        if (application === undefined) throw refusalProblem(localise, req, res, 'not-found');
        const language = localise.languageOf(req, res, application.language);
        const view = who.kind === 'staff' ? staffView : founderView;
        res.json(view(application, localise.catalogue, language));
      })
      .patch(async (req, res) => {
        const id = idOf(req, res);
        await access.to(req, res, id, CASEWORK_ROLES);
        const change = localise.parse(changeSchema, req.body, req, res);
        const result = await useCases.update(id, change);
        if (!result.ok) throw refusalProblem(localise, req, res, result.refusal);
        const language = localise.languageOf(req, res, result.value.language);
        res.json(founderView(result.value, localise.catalogue, language));
      });

    router.route('/applications/:id/withdrawal').post(async (req, res) => {
      const id = idOf(req, res);
      await access.to(req, res, id, ['lead', 'admin']);
      const { reasonCode } = localise.parse(withdrawalSchema, req.body ?? {}, req, res);
      const result = await useCases.withdraw(id, reasonCode);
      if (!result.ok) throw refusalProblem(localise, req, res, result.refusal);
      const language = localise.languageOf(req, res, result.value.language);
      res.json(founderView(result.value, localise.catalogue, language));
    });
  };
}
