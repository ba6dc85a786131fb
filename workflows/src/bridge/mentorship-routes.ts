import {
  authenticateStaff,
  createStaffVerifier,
  requireRole,
  type StaffAuthConfig,
} from '@grunderboost/auth';
import { AppError, notFound, parseBody, parseParams } from '@grunderboost/service-kit';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type Client,
} from '@temporalio/client';
import type { Router } from 'express';
import { z } from 'zod';
import { mentorshipWorkflowId } from '../config';
import { endMentorship, mentorship, mentorshipStateQuery } from '../workflows/mentorship';

const startSchema = z.strictObject({
  founderId: z.uuid(),
  applicationId: z.uuid(),
  /** The mentor's id in the programme's mentor register; never a name. */
  mentorId: z.uuid(),
  months: z.number().int().min(1).max(24).optional(),
});
const paramsSchema = z.object({ founderId: z.uuid() });

/**
 * Leads and counsellors pair a founder with a mentor (Internasjonale Drammen's mentor pairs):
 * `POST /mentorships` starts `Mentorship:<founderId>` — a second request for the same founder
 * while one runs changes nothing — `GET /mentorships/:founderId` reads it, and
 * `POST /mentorships/:founderId/end` ends it early (the closing survey still goes out).
 */
export function mentorshipRoutes(
  client: Client,
  taskQueue: string,
  auth: StaffAuthConfig,
): (router: Router) => void {
  const staff = [authenticateStaff(createStaffVerifier(auth)), requireRole('counsellor', 'lead')];
  const state = async (founderId: string) => {
    try {
      return await client.workflow
        .getHandle(mentorshipWorkflowId(founderId))
        .query(mentorshipStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(`No mentorship for ${founderId}`);
      throw error;
    }
  };
  return (router) => {
    router.post('/mentorships', ...staff, async (req, res) => {
      const input = parseBody(startSchema, req);
      try {
        await client.workflow.start(mentorship, {
          workflowId: mentorshipWorkflowId(input.founderId),
          taskQueue,
          args: [input],
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        res.status(200).json(await state(input.founderId));
        return;
      }
      res
        .status(201)
        .location(`/mentorships/${input.founderId}`)
        .json(await state(input.founderId));
    });
    router.get('/mentorships/:founderId', ...staff, async (req, res) => {
      res.json(await state(parseParams(paramsSchema, req).founderId));
    });
    router.post('/mentorships/:founderId/end', ...staff, async (req, res) => {
      const { founderId } = parseParams(paramsSchema, req);
      const current = await state(founderId);
      if (current.status !== 'running') {
        throw new AppError({ status: 409, title: 'Conflict', detail: 'The mentorship has ended' });
      }
      await client.workflow.getHandle(mentorshipWorkflowId(founderId)).signal(endMentorship);
      res.status(202).json({ ...current, ending: true });
    });
  };
}
