import { z } from 'zod';
import { appointmentFieldsV1, endsAfterStart, endsAfterStartIssue } from './appointment-fields.v1';
import { dateTime } from '../primitives';

/** The founder did not attend a booked appointment. */
export const appointmentNoShowV1Schema = z
  .object({
    ...appointmentFieldsV1,
    /** When the counsellor recorded the no-show. */
    recordedAt: dateTime(),
  })
  .refine(endsAfterStart, endsAfterStartIssue);

export type AppointmentNoShowV1 = z.infer<typeof appointmentNoShowV1Schema>;
