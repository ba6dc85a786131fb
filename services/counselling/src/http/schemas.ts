import { milestones } from '@grunderboost/contracts';
import { z } from 'zod';
import { APPOINTMENT_KINDS, APPOINTMENT_MODES } from '../domain/appointment';

/*
 * Every body is a strict object: an unknown field is a client mistake worth reporting, not
 * something to drop. Times of day are Oslo wall-clock quarter hours; instants carry an offset.
 */

export const uuid = z.uuid();
export const localDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const quarterHour = z
  .string()
  .regex(/^(([01]\d|2[0-3]):(00|15|30|45)|24:00)$/, 'expected HH:MM on a quarter hour');
const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language code such as nb, en or ar');
export const NACE_SECTIONS = 'ABCDEFGHIJKLMNOPQRSTU'.split('') as [string, ...string[]];
const sector = z.enum(NACE_SECTIONS);
export const reasonCode = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a code of lowercase words joined by hyphens')
  .max(64);

const endsAfterStart = { message: 'end must be after start', path: ['end'] };
const toNotBeforeFrom = { message: 'to must not be before from', path: ['to'] };

export const weeklyWindowSchema = z
  .strictObject({ weekday: z.int().min(1).max(7), start: quarterHour, end: quarterHour })
  .refine((w) => w.start < w.end, endsAfterStart);

export const exceptionSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.enum(['leave', 'holiday']), from: localDate, to: localDate })
    .refine((e) => e.from <= e.to, toNotBeforeFrom),
  z
    .strictObject({
      kind: z.enum(['unavailable', 'extra']),
      date: localDate,
      start: quarterHour,
      end: quarterHour,
    })
    .refine((e) => e.start < e.end, endsAfterStart),
]);

export const counsellorProfileSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  languages: z.array(languageCode).min(1).max(20),
  sectors: z.array(sector).max(21).default([]),
  offices: z.array(z.string().trim().min(1).max(120)).max(10).default([]),
  capacity: z.int().min(1).max(500),
  bufferMinutes: z
    .int()
    .min(0)
    .max(120)
    .refine((m) => m % 15 === 0, 'expected a multiple of 15')
    .default(15),
  weekly: z.array(weeklyWindowSchema).max(50),
  exceptions: z.array(exceptionSchema).max(500).default([]),
  active: z.boolean().default(true),
});

export const newCounsellorSchema = counsellorProfileSchema.extend({ counsellorId: uuid });

export const counsellorParamsSchema = z.strictObject({ counsellorId: uuid });
export const founderParamsSchema = z.strictObject({ founderId: uuid });
export const appointmentParamsSchema = z.strictObject({ appointmentId: uuid });

export const assignmentRequestSchema = z.strictObject({
  founderId: uuid,
  applicationId: uuid,
  language: languageCode.optional(),
  sector: sector.optional(),
});

export const leaveSchema = z
  .strictObject({ from: localDate, to: localDate })
  .refine((l) => l.from <= l.to, toNotBeforeFrom);

export const reassignSchema = z.strictObject({
  counsellorId: uuid.optional(),
  note: z.string().trim().min(1).max(500).optional(),
});

export const closeSchema = z.strictObject({ reasonCode });

const kind = z.enum(APPOINTMENT_KINDS);

export const bookingSchema = z.strictObject({
  kind,
  mode: z.enum(APPOINTMENT_MODES),
  startsAt: instant,
  beyondAllowance: z.boolean().optional(),
});

export const rescheduleSchema = z.strictObject({ startsAt: instant });
export const cancelSchema = z.strictObject({ reasonCode });

export const completionSchema = z.strictObject({
  notes: z.string().max(20_000).optional(),
  milestones: z
    .array(
      z.strictObject({
        milestone: z.enum(milestones),
        organisationNumber: z
          .string()
          .regex(/^\d{9}$/, 'expected 9 digits')
          .optional(),
      }),
    )
    .max(milestones.length)
    .default([]),
});

/** The founder's link may come as ?token= (a clickable link) or the founder-token header. */
export const FOUNDER_TOKEN_HEADER = 'founder-token';
const token = z.string().min(1).max(2048).optional();

const MAX_SLOT_DAYS = 31;
export const slotQuerySchema = z
  .strictObject({ from: localDate, to: localDate, kind: kind.default('follow-up'), token })
  .refine((q) => q.from <= q.to, toNotBeforeFrom)
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) < MAX_SLOT_DAYS * 86_400_000, {
    message: `at most ${MAX_SLOT_DAYS} days at a time`,
    path: ['to'],
  });

export const tokenQuerySchema = z.strictObject({ token });
export const caseloadQuerySchema = z.strictObject({ counsellorId: uuid.optional() });
export const calendarQuerySchema = z.strictObject({ key: z.string().min(1).max(200) });
