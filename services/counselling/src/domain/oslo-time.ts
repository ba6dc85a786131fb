/**
 * Europe/Oslo wall-clock arithmetic with the built-in Intl API (Node ships full ICU). Counsellors
 * think in local dates and times ("Mondays 09:00–15:00"); instants are stored in UTC. Converting
 * here, in one place, is what keeps slots right across the two daylight-saving weekends.
 */
export const OSLO = 'Europe/Oslo';

/** A calendar date in Oslo, 'YYYY-MM-DD'. */
export type LocalDate = string;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const wallClockFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: OSLO,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormat.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Oslo's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function osloOffsetMinutes(instant: Date): number {
  const wall = wallClock(instant);
  const wallAsUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - wholeSeconds) / MINUTE_MS);
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The Oslo calendar date of an instant. */
export function localDateOf(instant: Date): LocalDate {
  const wall = wallClock(instant);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** 'HH:MM' of an instant on Oslo's wall clock. */
export function localTimeOf(instant: Date): string {
  const wall = wallClock(instant);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

function dateParts(date: LocalDate): [number, number, number] {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  return [year, month, day];
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [year, month, day] = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  const [year, month, day] = dateParts(date);
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return sundayFirst === 0 ? 7 : sundayFirst;
}

/** Minutes after midnight of 'HH:MM' ('24:00' is the end of the day). */
export function minutesOfDay(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * The instant at which Oslo's wall clock shows `minutes` after midnight of `date`. A time in the
 * spring gap (02:00–03:00 does not exist) moves forward by the gap, as a clock on the wall does;
 * a time that occurs twice in autumn means its first occurrence.
 */
export function osloInstant(date: LocalDate, minutes: number): Date {
  const dayShift = Math.floor(minutes / 1440);
  const day = addDays(date, dayShift);
  const minute = minutes - dayShift * 1440;
  const [year, month, dom] = dateParts(day);
  const asIfUtc = Date.UTC(year, month - 1, dom) + minute * MINUTE_MS;
  const offsets = new Set(
    [asIfUtc - DAY_MS, asIfUtc + DAY_MS].map((t) => osloOffsetMinutes(new Date(t))),
  );
  const shows = (t: number) =>
    localDateOf(new Date(t)) === day && minutesOfDay(localTimeOf(new Date(t))) === minute;
  const matching = [...offsets].map((offset) => asIfUtc - offset * MINUTE_MS).filter(shows);
  if (matching.length > 0) return new Date(Math.min(...matching));
  // In the spring gap: the offset before the switch carries the time past the gap.
  const offsetBefore = osloOffsetMinutes(new Date(asIfUtc - DAY_MS));
  return new Date(asIfUtc - offsetBefore * MINUTE_MS);
}
