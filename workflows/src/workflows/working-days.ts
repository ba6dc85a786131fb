// Working days in Norway: no weekends, no public holidays. Pure and deterministic, so the
// journey workflow can compute its SLA deadlines from workflow time.
//
// Days are counted on the UTC calendar: the difference from Oslo's calendar is at most two
// hours around midnight, which does not matter for deadlines counted in whole days.

const DAY_MS = 24 * 60 * 60 * 1000;

/** Easter Sunday (anonymous Gregorian computus) as a UTC midnight timestamp. */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day);
}

/** Norway's public holidays of a year, as UTC midnight timestamps. */
export function norwegianPublicHolidays(year: number): number[] {
  const easter = easterSunday(year);
  const fixed = [
    [0, 1],
    [4, 1],
    [4, 17],
    [11, 25],
    [11, 26],
  ].map(([month, day]) => Date.UTC(year, month ?? 0, day));
  // Maundy Thursday, Good Friday, Easter Sunday and Monday, Ascension, Whit Sunday and Monday.
  const moveable = [-3, -2, 0, 1, 39, 49, 50].map((offset) => easter + offset * DAY_MS);
  return [...fixed, ...moveable];
}

function startOfUtcDay(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

export function isWorkingDay(time: number): boolean {
  const day = startOfUtcDay(time);
  const weekday = new Date(day).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !norwegianPublicHolidays(new Date(day).getUTCFullYear()).includes(day);
}

/**
 * The moment `count` working days after `from`, at the same time of day: the day of `from`
 * itself does not count, so a founder assigned on Friday afternoon with count 1 is due on
 * Monday afternoon (or Tuesday, when Monday is a holiday).
 */
export function addWorkingDays(from: number, count: number): number {
  let time = from;
  let left = count;
  while (left > 0) {
    time += DAY_MS;
    if (isWorkingDay(time)) left -= 1;
  }
  return time;
}

/** The same day-of-month `months` later (clamped to the month's last day), same time of day. */
export function addMonths(from: number, months: number): number {
  const date = new Date(from);
  const target = new Date(from);
  target.setUTCDate(1);
  target.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.getTime();
}
