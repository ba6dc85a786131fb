import type { LocalDate } from './oslo-time';

/** A recurring working window on one weekday, Oslo wall-clock time ('HH:MM', quarter hours). */
export interface WeeklyWindow {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  start: string;
  end: string;
}

/**
 * A change to the weekly pattern. Whole-day kinds cover `from`–`to` inclusive: `leave` (which
 * also moves the counsellor's cases to colleagues) and `holiday` (ferie, days off). Timed kinds
 * cover one date: `unavailable` removes a window, `extra` adds one.
 */
export type AvailabilityException =
  | { kind: 'leave' | 'holiday'; from: LocalDate; to: LocalDate }
  | { kind: 'unavailable' | 'extra'; date: LocalDate; start: string; end: string };

export interface Counsellor {
  counsellorId: string;
  /** Shown to leads; never put into events. */
  name: string;
  /** BCP 47 language codes, e.g. 'nb', 'en', 'ar'. */
  languages: string[];
  /** NACE sections (A–U) the counsellor knows well; empty means a generalist. */
  sectors: string[];
  /** Offices for in-person meetings; empty means digital only (video and phone). */
  offices: string[];
  /** Most open cases the counsellor should carry. */
  capacity: number;
  /** Free minutes kept after each appointment before the next may start. */
  bufferMinutes: number;
  weekly: WeeklyWindow[];
  exceptions: AvailabilityException[];
  /** False for someone who has left the team: no new founders, no new bookings. */
  active: boolean;
}

export const isDigitalOnly = (counsellor: Counsellor) => counsellor.offices.length === 0;

/** The leave that covers a date, if any. */
export function leaveOn(counsellor: Counsellor, date: LocalDate) {
  return counsellor.exceptions.find(
    (exception) => exception.kind === 'leave' && exception.from <= date && date <= exception.to,
  );
}

/** Away for the whole day: on leave or on holiday (ferie). */
export function awayOn(counsellor: Counsellor, date: LocalDate): boolean {
  return counsellor.exceptions.some(
    (exception) =>
      (exception.kind === 'leave' || exception.kind === 'holiday') &&
      exception.from <= date &&
      date <= exception.to,
  );
}
