import { z } from 'zod';
import { code, dateTime, uuid } from '../primitives';

/** The stages of a founder's journey through the programme, in their usual order. */
export const journeyStages = [
  'submitted',
  'triaged',
  'assigned',
  'first-session-booked',
  'in-counselling',
  'company-registered',
  'follow-up',
  'closed',
  'withdrawn',
  'declined',
] as const;

/**
 * A founder's journey has moved to another stage. `from` is null for the first stage, so that a
 * consumer can rebuild the whole journey from this topic alone.
 */
export const stageChangedV1Schema = z.object({
  founderId: uuid(),
  from: z.enum(journeyStages).nullable(),
  to: z.enum(journeyStages),
  changedAt: dateTime(),
  /**
   * Why the journey moved, as a code: the triage decision, 'no-activity', 'referred',
   * 'follow-ups-done', a counselling close reason. Added later; optional.
   */
  reasonCode: code().optional(),
});

export type StageChangedV1 = z.infer<typeof stageChangedV1Schema>;
