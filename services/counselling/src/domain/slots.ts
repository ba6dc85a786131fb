import { awayOn, type Counsellor } from './counsellor';
import { publicHolidayOn } from './holidays';
import {
  addDays,
  localDateOf,
  minutesOfDay,
  osloInstant,
  weekdayOf,
  type LocalDate,
} from './oslo-time';

/**
 * Appointments start on a quarter-hour grid and last whole quarter hours, buffers too. A booking
 * claims every grid cell from its start to its end plus buffer; two bookings whose claims share a
 * cell overlap. The same cells are what the database's unique index guards, so the slots offered
 * here and the bookings refused there follow one rule.
 */
export const CELL_MINUTES = 15;
const CELL_MS = CELL_MINUTES * 60_000;

export interface Interval {
  start: Date;
  end: Date;
}

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/** The grid cells (their start instants) an interval touches. */
export function cellsCovering(interval: Interval): Date[] {
  const cells: Date[] = [];
  const first = Math.floor(interval.start.getTime() / CELL_MS) * CELL_MS;
  for (let t = first; t < interval.end.getTime(); t += CELL_MS) cells.push(new Date(t));
  return cells;
}

/** What a booking blocks: the appointment and the buffer after it. */
export function blockedBy(slot: Slot, bufferMinutes: number): Interval {
  return { start: slot.startsAt, end: new Date(slot.endsAt.getTime() + bufferMinutes * 60_000) };
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** Why a date has no working windows, or undefined when it has. */
export function dayClosedBecause(counsellor: Counsellor, date: LocalDate): string | undefined {
  const holiday = publicHolidayOn(date);
  if (holiday !== undefined) return `public holiday (${holiday})`;
  if (awayOn(counsellor, date)) return 'away';
  return undefined;
}

/** The working windows of a date as instants: weekly pattern plus extras, minus unavailable. */
export function windowsOn(counsellor: Counsellor, date: LocalDate): Interval[] {
  if (dayClosedBecause(counsellor, date) !== undefined) return [];
  const toInterval = (window: { start: string; end: string }): Interval => ({
    start: osloInstant(date, minutesOfDay(window.start)),
    end: osloInstant(date, minutesOfDay(window.end)),
  });
  const weekday = weekdayOf(date);
  const open = [
    ...counsellor.weekly.filter((window) => window.weekday === weekday),
    ...counsellor.exceptions.filter((e) => e.kind === 'extra' && e.date === date),
  ].map((window) => toInterval(window as { start: string; end: string }));
  const closed = counsellor.exceptions
    .filter((e) => e.kind === 'unavailable' && e.date === date)
    .map((window) => toInterval(window as { start: string; end: string }));
  return open.flatMap((window) => subtract(window, closed));
}

function subtract(window: Interval, closed: Interval[]): Interval[] {
  let pieces = [window];
  for (const gap of closed) {
    pieces = pieces.flatMap((piece) => {
      if (!overlaps(piece, gap)) return [piece];
      const left = { start: piece.start, end: gap.start };
      const right = { start: gap.end, end: piece.end };
      return [left, right].filter((part) => part.start < part.end);
    });
  }
  return pieces;
}

export interface SlotQuery {
  from: LocalDate;
  to: LocalDate;
  durationMinutes: number;
  /** Intervals already blocked by bookings (appointment plus its buffer). */
  blocked: Interval[];
  /** Slots must start after this instant. */
  notBefore: Date;
}

/** Free slots: availability minus bookings, each with room for its own buffer after it. */
export function freeSlots(counsellor: Counsellor, query: SlotQuery): Slot[] {
  const slots: Slot[] = [];
  const durationMs = query.durationMinutes * 60_000;
  const bufferMs = counsellor.bufferMinutes * 60_000;
  for (let date = query.from; date <= query.to; date = addDays(date, 1)) {
    for (const window of windowsOn(counsellor, date)) {
      const first = Math.ceil(window.start.getTime() / CELL_MS) * CELL_MS;
      for (let t = first; t + durationMs <= window.end.getTime(); t += CELL_MS) {
        const claim = { start: new Date(t), end: new Date(t + durationMs + bufferMs) };
        if (claim.start <= query.notBefore) continue;
        if (query.blocked.some((busy) => overlaps(busy, claim))) continue;
        slots.push({ startsAt: claim.start, endsAt: new Date(t + durationMs) });
      }
    }
  }
  return slots;
}

/** Whether one slot is free: the same rule as the list, asked for the slot's own date. */
export function isFreeSlot(
  counsellor: Counsellor,
  slot: Slot,
  blocked: Interval[],
  now: Date,
): boolean {
  const date = localDateOf(slot.startsAt);
  const durationMinutes = (slot.endsAt.getTime() - slot.startsAt.getTime()) / 60_000;
  return freeSlots(counsellor, {
    from: date,
    to: date,
    durationMinutes,
    blocked,
    notBefore: now,
  }).some((free) => free.startsAt.getTime() === slot.startsAt.getTime());
}
