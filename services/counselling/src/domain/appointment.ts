import type { Refusal } from './case';
import type { Slot } from './slots';

export const APPOINTMENT_KINDS = ['first-meeting', 'follow-up', 'business-plan-review'] as const;
export const APPOINTMENT_MODES = ['in-person', 'video', 'phone'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

/** How long each kind lasts; whole quarter hours (the slot grid). */
export const DURATION_MINUTES: Readonly<Record<AppointmentKind, number>> = {
  'first-meeting': 60,
  'follow-up': 45,
  'business-plan-review': 60,
};

export type Party = 'founder' | 'counsellor' | 'lead';

export interface Appointment {
  appointmentId: string;
  caseId: string;
  founderId: string;
  counsellorId: string;
  kind: AppointmentKind;
  mode: AppointmentMode;
  startsAt: Date;
  endsAt: Date;
  /** End of the buffer after the appointment: what the booking keeps from others. */
  blockedUntil: Date;
  status: 'booked' | 'completed' | 'cancelled' | 'no-show';
  /** After two no-shows in a row the founder must confirm; until then this is false. */
  confirmed: boolean;
  bookedBy: Party;
  bookedAt: Date;
  rescheduledFrom: Date[];
  cancelledBy?: Party | undefined;
  cancelReasonCode?: string | undefined;
  closedAt?: Date | undefined;
  /** Private session notes: never in events, only for the founder's counsellor and leads. */
  notes?: string | undefined;
  milestones: string[];
}

export interface BookingRequest {
  appointmentId: string;
  caseId: string;
  founderId: string;
  counsellorId: string;
  kind: AppointmentKind;
  mode: AppointmentMode;
  slot: Slot;
  bufferMinutes: number;
  bookedBy: Party;
  needsConfirmation: boolean;
}

export function bookAppointment(request: BookingRequest, now: Date): Appointment {
  const { slot, bufferMinutes, needsConfirmation, ...fields } = request;
  return {
    ...fields,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    blockedUntil: new Date(slot.endsAt.getTime() + bufferMinutes * 60_000),
    status: 'booked',
    confirmed: !needsConfirmation,
    bookedAt: now,
    rescheduledFrom: [],
    milestones: [],
  };
}

const notBooked = (appointment: Appointment): Refusal => ({
  refused: `The appointment is ${appointment.status}, no longer booked.`,
});

export function rescheduleAppointment(
  appointment: Appointment,
  slot: Slot,
  bufferMinutes: number,
): Appointment | Refusal {
  if (appointment.status !== 'booked') return notBooked(appointment);
  return {
    ...appointment,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    blockedUntil: new Date(slot.endsAt.getTime() + bufferMinutes * 60_000),
    rescheduledFrom: [...appointment.rescheduledFrom, appointment.startsAt],
  };
}

export function cancelAppointment(
  appointment: Appointment,
  by: Party,
  reasonCode: string,
  now: Date,
): Appointment | Refusal {
  if (appointment.status !== 'booked') return notBooked(appointment);
  return {
    ...appointment,
    status: 'cancelled',
    cancelledBy: by,
    cancelReasonCode: reasonCode,
    closedAt: now,
  };
}

export function confirmAppointment(appointment: Appointment): Appointment | Refusal {
  if (appointment.status !== 'booked') return notBooked(appointment);
  return { ...appointment, confirmed: true };
}

/** Completion and no-show are facts about a meeting, so they can be recorded once it started. */
function hasStarted(appointment: Appointment, now: Date): Refusal | undefined {
  if (appointment.status !== 'booked') return notBooked(appointment);
  if (now < appointment.startsAt) return { refused: 'The appointment has not started yet.' };
  return undefined;
}

export function completeAppointment(
  appointment: Appointment,
  outcome: { notes?: string | undefined; milestones: string[] },
  now: Date,
): Appointment | Refusal {
  const refusal = hasStarted(appointment, now);
  if (refusal !== undefined) return refusal;
  return { ...appointment, status: 'completed', closedAt: now, ...outcome };
}

export function recordNoShow(appointment: Appointment, now: Date): Appointment | Refusal {
  const refusal = hasStarted(appointment, now);
  if (refusal !== undefined) return refusal;
  return { ...appointment, status: 'no-show', closedAt: now };
}

/** No-shows since the last attended session, latest first. */
export function noShowsInARow(appointments: readonly Appointment[]): number {
  const attendedOrMissed = appointments
    .filter((a) => a.status === 'completed' || a.status === 'no-show')
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  let count = 0;
  for (const appointment of attendedOrMissed) {
    if (appointment.status !== 'no-show') break;
    count += 1;
  }
  return count;
}

/** Sessions that count against the free allowance: everything not cancelled. */
export const sessionsUsed = (appointments: readonly Appointment[]) =>
  appointments.filter((a) => a.status !== 'cancelled').length;
