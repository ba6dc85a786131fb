import { z } from 'zod';
import { dateTime, uuid } from '../primitives';

/**
 * A founder has asked for their personal data to be erased (GDPR art. 17). Intake erases its own
 * copy before publishing this; every other service that holds personal data of the founder erases
 * it on receipt. Non-identifying statistics stay.
 */
export const founderErasureRequestedV1Schema = z.object({
  erasureId: uuid(),
  founderId: uuid(),
  applicationIds: z.array(uuid()),
  requestedAt: dateTime(),
});

export type FounderErasureRequestedV1 = z.infer<typeof founderErasureRequestedV1Schema>;
