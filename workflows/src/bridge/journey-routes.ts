import {
  authenticateStaff,
  createStaffVerifier,
  requireRole,
  type LinkTokens,
  type StaffAuthConfig,
} from '@grunderboost/auth';
import { notFound, parseParams } from '@grunderboost/service-kit';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { NextFunction, Request, Response, Router } from 'express';
import { z } from 'zod';
import { journeyWorkflowId } from '../config';
import type { JourneyState } from '../workflows/journey-model';
import { journeyStateQuery } from '../workflows/journey-signals';
import { assertFounderOwns, FOUNDER_TOKEN_HEADER, type IntakeLookup } from './founder-access';

const paramsSchema = z.object({ founderId: z.uuid() });

/** What leaves Temporal: ids, stages, times and reason codes — nothing personal. */
export function journeyView(state: JourneyState) {
  return {
    founderId: state.founderId,
    stage: state.stage,
    timeline: state.timeline.map((entry) => ({
      stage: entry.stage,
      at: entry.at,
      ...(entry.reasonCode === undefined ? {} : { reasonCode: entry.reasonCode }),
    })),
    ...(state.facts.applicationId === undefined
      ? {}
      : { applicationId: state.facts.applicationId }),
    ...(state.facts.counsellorId === undefined ? {} : { counsellorId: state.facts.counsellorId }),
  };
}

export interface JourneyRouteDeps {
  client: Client;
  auth: StaffAuthConfig;
  links: LinkTokens;
  intake: IntakeLookup;
}

/**
 * `GET /journeys/:founderId`: the journey's stage and timeline, for staff (counsellor, lead,
 * admin: bearer token) and for the founder themself (their link token in `founder-token`).
 */
export function journeyRoutes(deps: JourneyRouteDeps): (router: Router) => void {
  const staff = [
    authenticateStaff(createStaffVerifier(deps.auth)),
    requireRole('counsellor', 'lead', 'admin'),
  ];
  // A founder's link instead of a bearer token: check it, or fall through to the staff checks
  // (which answer 401 when neither is there).
  const founderOrStaff = async (req: Request, res: Response, next: NextFunction) => {
    const token = req.get(FOUNDER_TOKEN_HEADER);
    if (token === undefined || token === '' || req.get('authorization') !== undefined) {
      return next('route');
    }
    const { founderId } = parseParams(paramsSchema, req);
    await assertFounderOwns(deps.links, deps.intake, token, founderId, res);
    next();
  };
  const read = async (req: Request, res: Response) => {
    const { founderId } = parseParams(paramsSchema, req);
    try {
      const handle = deps.client.workflow.getHandle(journeyWorkflowId(founderId));
      res.json(journeyView(await handle.query(journeyStateQuery)));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(`No journey for ${founderId}`);
      throw error;
    }
  };
  return (router) => {
    router.get('/journeys/:founderId', founderOrStaff, read);
    router.get('/journeys/:founderId', ...staff, read);
  };
}
