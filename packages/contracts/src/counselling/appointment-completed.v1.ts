import { z } from 'zod';
import { appointmentFieldsV1, endsAfterStart, endsAfterStartIssue } from './appointment-fields.v1';
import { dateTime } from '../primitives';

/** An appointment has taken place (recorded by the counsellor). */
export const appointmentCompletedV1Schema = z
  .object({
    ...appointmentFieldsV1,
    completedAt: dateTime(),
  })
  .refine(endsAfterStart, endsAfterStartIssue);

export type AppointmentCompletedV1 = z.infer<typeof appointmentCompletedV1Schema>;
