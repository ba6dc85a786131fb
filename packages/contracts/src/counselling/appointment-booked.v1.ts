import { z } from 'zod';
import { appointmentFieldsV1, endsAfterStart, endsAfterStartIssue } from './appointment-fields.v1';

/** An appointment between a founder and their counsellor has been booked. */
export const appointmentBookedV1Schema = z
  .object({
    ...appointmentFieldsV1,
  })
  .refine(endsAfterStart, endsAfterStartIssue);

export type AppointmentBookedV1 = z.infer<typeof appointmentBookedV1Schema>;
