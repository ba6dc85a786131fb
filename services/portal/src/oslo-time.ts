/**
 * Dates and times as founders read them: always in Europe/Oslo (where the counsellors meet),
 * written in the page's language. Pure functions; `now` is passed in.
 */
export const OSLO = 'Europe/Oslo';

export interface Slot {
  startsAt: string;
  endsAt: string;
}

export interface SlotDay {
  /** The Oslo calendar date, YYYY-MM-DD. */
  date: string;
  /** e.g. "Thursday 3 December" / "torsdag 3. desember". */
  label: string;
  slots: Array<Slot & { label: string }>;
}

/** The Oslo calendar date (YYYY-MM-DD) of an instant. */
export function osloDate(instant: Date): string {
  // The Swedish locale writes ISO dates; only the calendar fields are used.
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: OSLO,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** A calendar date plus whole days (no time zone involved: dates are counted at noon UTC). */
export function addDays(date: string, days: number): string {
  const noon = new Date(`${date}T12:00:00Z`);
  noon.setUTCDate(noon.getUTCDate() + days);
  return noon.toISOString().slice(0, 10);
}

/** English as written in Europe (day before month, 24-hour clock), as the Oslo office does. */
export const intlLocale = (language: string): string => (language === 'en' ? 'en-GB' : language);

export const formatTime = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(intlLocale(language), { timeStyle: 'short', timeZone: OSLO }).format(
    new Date(iso),
  );

export const formatDateTime = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: OSLO,
  }).format(new Date(iso));

/** A calendar date as a day heading, e.g. "Thursday 3 December". */
export function formatDay(date: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** Free slots grouped by their Oslo day, days and times in order, labelled in the language. */
export function groupSlotsByDay(slots: readonly Slot[], language: string): SlotDay[] {
  const sorted = [...slots].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const days = new Map<string, SlotDay>();
  for (const slot of sorted) {
    const date = osloDate(new Date(slot.startsAt));
    let day = days.get(date);
    if (day === undefined) {
      day = { date, label: formatDay(date, language), slots: [] };
      days.set(date, day);
    }
    day.slots.push({ ...slot, label: formatTime(slot.startsAt, language) });
  }
  return [...days.values()];
}
