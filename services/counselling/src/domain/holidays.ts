import { addDays, type LocalDate } from './oslo-time';

/**
 * Easter Sunday of a Gregorian year by the anonymous Gregorian computus (Meeus/Jones/Butcher),
 * as a local date. The moveable Norwegian holidays are all fixed distances from it.
 */
export function easterSunday(year: number): LocalDate {
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
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Norway's public holidays (helligdager and the two statutory days) of a year: date → name. */
export function norwegianPublicHolidays(year: number): Map<LocalDate, string> {
  const easter = easterSunday(year);
  const y = String(year).padStart(4, '0');
  return new Map<LocalDate, string>([
    [`${y}-01-01`, 'Første nyttårsdag'],
    [addDays(easter, -3), 'Skjærtorsdag'],
    [addDays(easter, -2), 'Langfredag'],
    [easter, 'Første påskedag'],
    [addDays(easter, 1), 'Andre påskedag'],
    [`${y}-05-01`, 'Offentlig høytidsdag'],
    [`${y}-05-17`, 'Grunnlovsdag'],
    [addDays(easter, 39), 'Kristi himmelfartsdag'],
    [addDays(easter, 49), 'Første pinsedag'],
    [addDays(easter, 50), 'Andre pinsedag'],
    [`${y}-12-25`, 'Første juledag'],
    [`${y}-12-26`, 'Andre juledag'],
  ]);
}

const byYear = new Map<number, Map<LocalDate, string>>();

/** The holiday's name, or undefined on an ordinary day. */
export function publicHolidayOn(date: LocalDate): string | undefined {
  const year = Number(date.slice(0, 4));
  let holidays = byYear.get(year);
  if (holidays === undefined) {
    holidays = norwegianPublicHolidays(year);
    byYear.set(year, holidays);
  }
  return holidays.get(date);
}
