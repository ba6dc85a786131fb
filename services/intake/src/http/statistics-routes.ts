import { authenticateStaff, requireRole, staffOf, type StaffVerifier } from '@grunderboost/auth';
import { requestIdOf } from '@grunderboost/service-kit';
import type { Router } from 'express';
import { z } from 'zod';
import type { RouteDeps } from './application-routes';

/** Enough for every founder the programme will see; bounds the work of one request. */
export const MAX_FOUNDER_IDS = 100_000;

export const backgroundCountRequestSchema = z.strictObject({
  founderIds: z.array(z.uuid()).min(1).max(MAX_FOUNDER_IDS),
});

export const backgroundCountSchema = z.union([
  z.strictObject({ count: z.number().int().min(5) }),
  z.strictObject({ count: z.null(), suppressed: z.literal(true) }),
]);

/** Aggregated statistics of special-category data: counts only, for analysts (ADR 0011). */
export function statisticsRoutes(deps: RouteDeps, verifier: StaffVerifier) {
  const { useCases, localise } = deps;
  return (router: Router) => {
    router.post(
      '/statistics/background-count',
      authenticateStaff(verifier),
      requireRole('analyst', 'admin'),
      async (req, res) => {
        const { founderIds } = localise.parse(backgroundCountRequestSchema, req.body, req, res);
        const staff = staffOf(req);
        if (staff === undefined) throw new Error('staff route reached without a principal');
        const result = await useCases.countImmigrantBackground(founderIds, {
          staffId: staff.staffId,
          roles: staff.roles,
          requestId: requestIdOf(req),
        });
        res.json(result);
      },
    );
  };
}
