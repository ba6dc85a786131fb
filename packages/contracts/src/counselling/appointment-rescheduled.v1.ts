import { z } from 'zod';
import { appointmentFieldsV1, endsAfterStart, endsAfterStartIssue } from './appointment-fields.v1';
import { dateTime } from '../primitives';

/** A booked appointment has moved; `startsAt`/`endsAt` are the new slot. */
export const appointmentRescheduledV1Schema = z
  .object({
    ...appointmentFieldsV1,
    /** Start of the slot the appointment was moved away from. */
    previousStartsAt: dateTime(),
  })
  .refine(endsAfterStart, endsAfterStartIssue);

export type AppointmentRescheduledV1 = z.infer<typeof appointmentRescheduledV1Schema>;
