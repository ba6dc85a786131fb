import { authenticateStaff, requireRole, type StaffVerifier } from '@grunderboost/auth';
import { methodNotAllowed, notFound, parseBody, parseParams } from '@grunderboost/service-kit';
import type { Router } from 'express';
import { issueKey } from '../app/api-keys';
import type { Dependencies } from '../app/dependencies';
import { getPartner, registerPartner, setAgreement } from '../app/registry';
import {
  agreementSchema,
  keyParamsSchema,
  newKeySchema,
  newPartnerSchema,
  partnerParamsSchema,
} from './schemas';

/** The registry, for admin staff: partners, their agreements, their API keys. */
export function adminRoutes(deps: Dependencies, verifier: StaffVerifier) {
  const admin = [authenticateStaff(verifier), requireRole('admin')];
  return (router: Router) => {
    router
      .route('/partners')
      .get(...admin, async (_req, res) => {
        res.json({ partners: await deps.partners.list() });
      })
      .post(...admin, async (req, res) => {
        const partner = await registerPartner(deps, parseBody(newPartnerSchema, req));
        res.status(201).location(`/partners/${partner.partnerId}`).json(partner);
      })
      .all(methodNotAllowed(['GET', 'POST']));

    router
      .route('/partners/:partnerId')
      .get(...admin, async (req, res) => {
        const { partnerId } = parseParams(partnerParamsSchema, req);
        res.json(await getPartner(deps, partnerId));
      })
      .all(methodNotAllowed(['GET']));

    router
      .route('/partners/:partnerId/agreement')
      .put(...admin, async (req, res) => {
        const { partnerId } = parseParams(partnerParamsSchema, req);
        const { agreement } = parseBody(agreementSchema, req);
        res.json(await setAgreement(deps, partnerId, agreement));
      })
      .all(methodNotAllowed(['PUT']));

    router
      .route('/partners/:partnerId/keys')
      .get(...admin, async (req, res) => {
        const { partnerId } = parseParams(partnerParamsSchema, req);
        await getPartner(deps, partnerId);
        res.json({ keys: await deps.keys.list(partnerId) });
      })
      .post(...admin, async (req, res) => {
        const { partnerId } = parseParams(partnerParamsSchema, req);
        const { graceSeconds } = parseBody(newKeySchema, req);
        await getPartner(deps, partnerId);
        res.status(201).json(await issueKey(deps, partnerId, graceSeconds));
      })
      .all(methodNotAllowed(['GET', 'POST']));

    router
      .route('/partners/:partnerId/keys/:keyId')
      .delete(...admin, async (req, res) => {
        const { partnerId, keyId } = parseParams(keyParamsSchema, req);
        if (!(await deps.keys.revoke(partnerId, keyId, deps.clock.now()))) {
          throw notFound(`No key ${keyId} of ${partnerId}`);
        }
        res.status(204).end();
      })
      .all(methodNotAllowed(['DELETE']));
  };
}
