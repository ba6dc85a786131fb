import { z } from 'zod';
import { code, dateTime, uuid } from '../primitives';

export const triageDecisions = ['accepted', 'referred', 'declined'] as const;

/**
 * Intake staff have triaged an application. The reasons are codes (e.g. 'outside-region'),
 * never the triager's notes, which may describe the founder.
 */
export const applicationTriagedV1Schema = z.object({
  applicationId: uuid(),
  founderId: uuid(),
  decision: z.enum(triageDecisions),
  reasonCodes: z.array(code()),
  /** Code of the partner the founder is referred to (e.g. 'nav', 'innovasjon-norge'). */
  referredTo: code().optional(),
  triagedAt: dateTime(),
  /** Staff id of the triager; absent when the application was triaged automatically. */
  triagedBy: uuid().optional(),
  /** True when staff overruled the automatic pre-triage (e.g. accepted a flagged duplicate). */
  overrulesAutomatic: z.boolean().optional(),
});

export type ApplicationTriagedV1 = z.infer<typeof applicationTriagedV1Schema>;
