import { z } from 'zod';
import { code, dateTime, uuid } from '../primitives';

/**
 * A founder's counselling case has been closed by their counsellor or a lead. `reasonCode` is
 * a code such as 'company-running', 'withdrawn' or 'no-response', never free text.
 */
export const caseClosedV1Schema = z.object({
  assignmentId: uuid(),
  founderId: uuid(),
  counsellorId: uuid(),
  reasonCode: code(),
  closedAt: dateTime(),
});

export type CaseClosedV1 = z.infer<typeof caseClosedV1Schema>;
