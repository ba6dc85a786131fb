import { z } from 'zod';

/** Strict: an unknown field is a client mistake worth reporting, not something to drop. */
export const assignmentRequestSchema = z.strictObject({
  founderId: z.uuid(),
  applicationId: z.uuid(),
});

export const founderParamsSchema = z.object({ founderId: z.uuid() });
