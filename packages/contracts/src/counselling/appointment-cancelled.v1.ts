import { z } from 'zod';
import { appointmentFieldsV1, endsAfterStart, endsAfterStartIssue } from './appointment-fields.v1';
import { code } from '../primitives';

export const cancellingParties = ['founder', 'counsellor'] as const;

/** A booked appointment has been cancelled; the slot fields describe the cancelled slot. */
export const appointmentCancelledV1Schema = z
  .object({
    ...appointmentFieldsV1,
    cancelledBy: z.enum(cancellingParties),
    /** Why, as a code (e.g. 'illness', 'schedule-conflict'), never as the message sent. */
    reasonCode: code(),
  })
  .refine(endsAfterStart, endsAfterStartIssue);

export type AppointmentCancelledV1 = z.infer<typeof appointmentCancelledV1Schema>;
