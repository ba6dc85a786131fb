import { authenticateStaff, requireRole, staffOf, type StaffVerifier } from '@grunderboost/auth';
import { requestIdOf } from '@grunderboost/service-kit';
import type { Request, Router } from 'express';
import type { SearchFilters } from '../app/ports';
import { CASEWORK_ROLES } from './access';
import type { RouteDeps } from './application-routes';
import { refusalProblem } from './refusals';
import { applicationParamsSchema, triageRequestSchema } from './schemas';
import { encodeCursor, searchQuerySchema } from './search-schemas';
import { staffView } from './views';

/** A uuid staff id can travel in events; other subjects (some OIDC providers) stay here. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function readerOf(req: Request) {
  const staff = staffOf(req);
  if (staff === undefined) throw new Error('staff route reached without a principal');
  return { staffId: staff.staffId, roles: staff.roles, requestId: requestIdOf(req) };
}

/** Repeated query keys arrive as lists; an empty list means "no filter", not "match nothing". */
function filtersOf(query: Record<string, unknown>): SearchFilters {
  const filters: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query)) {
    if (['limit', 'cursor'].includes(name) || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    filters[name] = value;
  }
  return filters;
}

export function staffRoutes(deps: RouteDeps, verifier: StaffVerifier): (router: Router) => void {
  const { useCases, localise } = deps;
  const staffOnly = [authenticateStaff(verifier), requireRole(...CASEWORK_ROLES)];

  return (router) => {
    router.get('/applications', ...staffOnly, async (req, res) => {
      const query = localise.parse(searchQuerySchema, req.query, req, res);
      const result = await useCases.search(
        filtersOf(query),
        { limit: query.limit, ...(query.cursor === undefined ? {} : { after: query.cursor }) },
        readerOf(req),
      );
      const language = localise.languageOf(req, res);
      res.json({
        items: result.items.map((item) => staffView(item, localise.catalogue, language)),
        ...(result.next === undefined ? {} : { nextCursor: encodeCursor(result.next) }),
      });
    });

    router.post(
      '/applications/:id/triage',
      authenticateStaff(verifier),
      requireRole('counsellor', 'lead'),
      async (req, res) => {
        const { id } = localise.parse(applicationParamsSchema, req.params, req, res);
        const input = localise.parse(triageRequestSchema, req.body, req, res);
        const reader = readerOf(req);
        // Staff ids that are not uuids are recorded here but left out of the event.
        const staffId = UUID.test(reader.staffId) ? reader.staffId : undefined;
        const result = await useCases.triage(id, input, staffId);
        if (!result.ok) throw refusalProblem(localise, req, res, result.refusal);
        res.json(staffView(result.value, localise.catalogue, localise.languageOf(req, res)));
      },
    );
  };
}
