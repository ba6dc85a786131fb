import { z } from 'zod';
import { code, dateTime, uuid } from '../primitives';

/** The founder has withdrawn their application; the journey ends without guidance. */
export const applicationWithdrawnV1Schema = z.object({
  applicationId: uuid(),
  founderId: uuid(),
  /** A code chosen by the founder from a list (e.g. 'no-longer-relevant'); never free text. */
  reasonCode: code().optional(),
  withdrawnAt: dateTime(),
});

export type ApplicationWithdrawnV1 = z.infer<typeof applicationWithdrawnV1Schema>;
