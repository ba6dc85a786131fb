import type { Appointment } from './appointment';
import type { Case } from './case';

export interface CaseloadPolicy {
  /** The first meeting should take place within this many days of the assignment. */
  firstMeetingWithinDays: number;
  /** After a session, the next one should be booked within this many days. */
  followUpWithinDays: number;
}

export type OverdueCode =
  | 'first-meeting-not-booked'
  | 'outcome-not-recorded'
  | 'follow-up-not-booked'
  | 'confirmation-missing';

export interface Overdue {
  code: OverdueCode;
  /** Since when it is overdue. */
  since: Date;
  detail: string;
}

export type Stage =
  'awaiting-first-meeting' | 'first-meeting-booked' | 'in-guidance' | 'company-registered';

export interface CaseloadEntry {
  caseId: string;
  founderId: string;
  applicationId: string;
  assignedAt: Date;
  stage: Stage;
  nextAppointment?: Pick<Appointment, 'appointmentId' | 'kind' | 'mode' | 'startsAt' | 'confirmed'>;
  milestones: string[];
  overdue: Overdue[];
}

const DAY_MS = 86_400_000;
const plusDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

function stageOf(appointments: readonly Appointment[], milestones: string[]): Stage {
  if (milestones.includes('company-registered')) return 'company-registered';
  if (appointments.some((a) => a.status === 'completed')) return 'in-guidance';
  if (appointments.some((a) => a.status === 'booked')) return 'first-meeting-booked';
  return 'awaiting-first-meeting';
}

/** What a counsellor should act on for one case, computed from its appointments at `now`. */
export function overdueOf(
  entry: Case,
  appointments: readonly Appointment[],
  policy: CaseloadPolicy,
  now: Date,
): Overdue[] {
  const overdue: Overdue[] = [];
  const booked = appointments.filter((a) => a.status === 'booked');
  for (const past of booked.filter((a) => a.endsAt < now)) {
    overdue.push({
      code: 'outcome-not-recorded',
      since: past.endsAt,
      detail: `The ${past.kind} of ${past.startsAt.toISOString()} is neither completed nor a no-show.`,
    });
  }
  const upcoming = booked.filter((a) => a.startsAt >= now);
  const held = appointments.filter((a) => a.status === 'completed' || a.status === 'no-show');
  const latest = held.reduce<Date | undefined>(
    (last, a) => (last === undefined || a.startsAt > last ? a.startsAt : last),
    undefined,
  );
  const firstDue = plusDays(entry.assignedAt, policy.firstMeetingWithinDays);
  if (latest === undefined && booked.length === 0 && now > firstDue) {
    overdue.push({
      code: 'first-meeting-not-booked',
      since: firstDue,
      detail: 'No first meeting is booked.',
    });
  }
  const followUpDue =
    latest === undefined ? undefined : plusDays(latest, policy.followUpWithinDays);
  if (followUpDue !== undefined && upcoming.length === 0 && now > followUpDue) {
    overdue.push({
      code: 'follow-up-not-booked',
      since: followUpDue,
      detail: 'No follow-up session is booked.',
    });
  }
  for (const waiting of upcoming.filter((a) => !a.confirmed)) {
    overdue.push({
      code: 'confirmation-missing',
      since: waiting.bookedAt,
      detail: 'After two no-shows the founder has not yet confirmed the next session.',
    });
  }
  return overdue;
}

export function caseloadEntry(
  entry: Case,
  appointments: readonly Appointment[],
  policy: CaseloadPolicy,
  now: Date,
): CaseloadEntry {
  const milestones = [...new Set(appointments.flatMap((a) => a.milestones))];
  const next = appointments
    .filter((a) => a.status === 'booked' && a.startsAt >= now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  return {
    caseId: entry.caseId,
    founderId: entry.founderId,
    applicationId: entry.applicationId,
    assignedAt: entry.assignedAt,
    stage: stageOf(appointments, milestones),
    ...(next === undefined
      ? {}
      : {
          nextAppointment: {
            appointmentId: next.appointmentId,
            kind: next.kind,
            mode: next.mode,
            startsAt: next.startsAt,
            confirmed: next.confirmed,
          },
        }),
    milestones,
    overdue: overdueOf(entry, appointments, policy, now),
  };
}
