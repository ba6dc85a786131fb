import { staffOf } from '@grunderboost/auth';
import { requestIdOf } from '@grunderboost/service-kit';
import type { Router } from 'express';
import type { RouteDeps } from './application-routes';
import { refusalProblem } from './refusals';
import { applicationParamsSchema, consentChangeSchema } from './schemas';
import { exportView, founderView } from './views';

/** The founder's own rights: consent, a copy of their data, erasure. */
export function privacyRoutes(deps: RouteDeps): (router: Router) => void {
  const { useCases, localise, access } = deps;

  return (router) => {
    // Consent is the founder's own act: no staff role may give or withdraw it for them.
    router.put('/applications/:id/consents', async (req, res) => {
      const { id } = localise.parse(applicationParamsSchema, req.params, req, res);
      await access.to(req, res, id, []);
      const change = localise.parse(consentChangeSchema, req.body, req, res);
      const result = await useCases.changeConsent(id, change);
      if (!result.ok) throw refusalProblem(localise, req, res, result.refusal);
      const language = localise.languageOf(req, res, result.value.language);
      res.json(founderView(result.value, localise.catalogue, language));
    });

    // An administrator may export or erase on a founder's written request (recorded in the audit).
    router.get('/applications/:id/export', async (req, res) => {
      const { id } = localise.parse(applicationParamsSchema, req.params, req, res);
      await access.to(req, res, id, ['admin']);
      const result = await useCases.exportFounder(id);
      if (!result.ok) throw refusalProblem(localise, req, res, result.refusal);
      const staff = staffOf(req);
      if (staff !== undefined) {
        await useCases.recordExportByStaff(result.value, {
          staffId: staff.staffId,
          roles: staff.roles,
          requestId: requestIdOf(req),
        });
      }
      const { founderId, exportedAt, applications, staffReads } = result.value;
      res.attachment(`grunderboost-${founderId}.json`).json({
        founderId,
        exportedAt: exportedAt.toISOString(),
        applications: applications.map(exportView),
        staffReads: staffReads.map((read) => ({ ...read, at: read.at.toISOString() })),
      });
    });

    router.post('/applications/:id/erasure', async (req, res) => {
      const { id } = localise.parse(applicationParamsSchema, req.params, req, res);
      await access.to(req, res, id, ['admin']);
      const result = await useCases.eraseFounder(id);
      if (!result.ok) throw refusalProblem(localise, req, res, result.refusal);
      res.status(202).json(result.value);
    });

    router.get('/languages', (_req, res) => {
      res.json({
        defaultLanguage: localise.catalogue.defaultLanguage,
        languages: localise.catalogue.languages,
      });
    });
  };
}
