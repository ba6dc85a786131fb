import { z } from 'zod';
import { APPOINTMENT_KINDS, APPOINTMENT_MODES } from '../domain/appointment';
import { counsellorProfileSchema, uuid } from './schemas';

/* What the handlers send, for the OpenAPI document. Dates go out as ISO-8601 UTC strings. */

const instant = z.iso.datetime();
const party = z.enum(['founder', 'counsellor', 'lead']);

export const assignmentSchema = z
  .object({
    assignmentId: uuid,
    founderId: uuid,
    applicationId: uuid,
    counsellorId: uuid,
    reasonCode: z.string().describe('Which rule chose: continuity, language-match, manual, …'),
    reason: z.string().describe('Why, in words a lead understands'),
    assignedAt: instant,
    status: z.enum(['open', 'closed']),
  })
  .meta({ id: 'Assignment' });

const historyEntry = z.object({
  counsellorId: uuid,
  reasonCode: z.string(),
  reason: z.string(),
  at: instant,
});

export const caseSchema = assignmentSchema
  .extend({
    history: z.array(historyEntry),
    closedAt: instant.optional(),
    closeReasonCode: z.string().optional(),
  })
  .meta({ id: 'Case' });

export const counsellorSchema = counsellorProfileSchema
  .extend({ counsellorId: uuid, digitalOnly: z.boolean() })
  .meta({ id: 'Counsellor' });

export const counsellorListSchema = z.object({ counsellors: z.array(counsellorSchema) });

export const leaveOutcomeSchema = z.object({
  counsellor: counsellorSchema,
  reassigned: z.array(z.object({ founderId: uuid, counsellorId: uuid, reason: z.string() })),
});

export const slotListSchema = z.object({
  kind: z.enum(APPOINTMENT_KINDS),
  slots: z.array(z.object({ startsAt: instant, endsAt: instant })),
});

export const appointmentSchema = z
  .object({
    appointmentId: uuid,
    caseId: uuid,
    founderId: uuid,
    counsellorId: uuid,
    kind: z.enum(APPOINTMENT_KINDS),
    mode: z.enum(APPOINTMENT_MODES),
    startsAt: instant,
    endsAt: instant,
    blockedUntil: instant.describe('End of the buffer the booking keeps free after it'),
    status: z.enum(['booked', 'completed', 'cancelled', 'no-show']),
    confirmed: z.boolean().describe('False until the founder confirms (after two no-shows)'),
    bookedBy: party,
    bookedAt: instant,
    rescheduledFrom: z.array(instant),
    cancelledBy: party.optional(),
    cancelReasonCode: z.string().optional(),
    closedAt: instant.optional(),
    notes: z.string().optional().describe("Private: only the founder's counsellor and leads"),
    milestones: z.array(z.string()),
  })
  .meta({ id: 'Appointment' });

export const appointmentListSchema = z.object({ appointments: z.array(appointmentSchema) });

const overdueSchema = z.object({
  code: z.enum([
    'first-meeting-not-booked',
    'outcome-not-recorded',
    'follow-up-not-booked',
    'confirmation-missing',
  ]),
  since: instant,
  detail: z.string(),
});

export const caseloadSchema = z.object({
  counsellorId: uuid,
  cases: z.array(
    z.object({
      caseId: uuid,
      founderId: uuid,
      applicationId: uuid,
      assignedAt: instant,
      stage: z.enum([
        'awaiting-first-meeting',
        'first-meeting-booked',
        'in-guidance',
        'company-registered',
      ]),
      nextAppointment: z
        .object({
          appointmentId: uuid,
          kind: z.enum(APPOINTMENT_KINDS),
          mode: z.enum(APPOINTMENT_MODES),
          startsAt: instant,
          confirmed: z.boolean(),
        })
        .optional(),
      milestones: z.array(z.string()),
      overdue: z.array(overdueSchema),
    }),
  ),
});

export const teamSchema = z.object({
  counsellors: z.array(
    z.object({
      counsellorId: uuid,
      name: z.string(),
      active: z.boolean(),
      awayToday: z.boolean(),
      openCases: z.int(),
      capacity: z.int(),
      load: z.number().describe('Open cases divided by capacity'),
      casesWithOverdue: z.int(),
    }),
  ),
});

export const calendarLinkSchema = z.object({ path: z.string() });
