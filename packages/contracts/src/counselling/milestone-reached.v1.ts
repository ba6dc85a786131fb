import { z } from 'zod';
import { dateTime, organisationNumber, uuid } from '../primitives';

export const milestones = [
  'business-plan-ready',
  'course-completed',
  'company-registered',
  'first-customer',
  'first-hire',
  'funding-granted',
  'nav-assessment-delivered',
] as const;

/** A founder has reached a milestone of their journey, as recorded by their counsellor. */
export const milestoneReachedV1Schema = z.object({
  milestoneId: uuid(),
  founderId: uuid(),
  milestone: z.enum(milestones),
  /**
   * Organisation number of the registered company, typically with 'company-registered'. It may
   * travel in events because it identifies a company in a public register, not a person.
   */
  organisationNumber: organisationNumber().optional(),
  reachedAt: dateTime(),
});

export type MilestoneReachedV1 = z.infer<typeof milestoneReachedV1Schema>;
