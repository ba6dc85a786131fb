import { z } from 'zod';
import { code, dateTime, uuid } from '../primitives';

/**
 * A founder's case has moved to another counsellor. `reasonCode` says why: 'manual' (a lead
 * chose), 'rebalanced-leave' (the counsellor went on leave), or an assignment rule's code.
 * The words a lead reads stay in the counselling service.
 */
export const counsellorReassignedV1Schema = z.object({
  assignmentId: uuid(),
  founderId: uuid(),
  applicationId: uuid(),
  fromCounsellorId: uuid(),
  toCounsellorId: uuid(),
  reasonCode: code(),
  reassignedAt: dateTime(),
});

export type CounsellorReassignedV1 = z.infer<typeof counsellorReassignedV1Schema>;
