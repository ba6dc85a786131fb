import { z } from 'zod';
import { code, dateTime, uuid } from '../primitives';

/**
 * A counsellor has been assigned to a founder's accepted application. `reasonCode` says which
 * assignment rule chose the counsellor, e.g. 'language-match', 'lowest-load', 'continuity',
 * 'manual'; it is an open code so that new rules need no new event version.
 */
export const counsellorAssignedV1Schema = z.object({
  assignmentId: uuid(),
  founderId: uuid(),
  applicationId: uuid(),
  counsellorId: uuid(),
  reasonCode: code(),
  assignedAt: dateTime(),
});

export type CounsellorAssignedV1 = z.infer<typeof counsellorAssignedV1Schema>;
