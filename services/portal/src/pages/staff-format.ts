import { html, type Html } from '../html';
import type { PageContext } from '../layout';
import { intlLocale } from '../oslo-time';

/** Markup only when the condition holds (templates read better than ternaries with ''). */
export const when = (condition: boolean, markup: Html | string): Html | string =>
  condition ? markup : '';

/** A time as counsellors in the region read it: Oslo time, in the page's language. */
export function whenText(language: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(date);
}

/** A `<time>` element: machine-readable instant, human-readable text. */
export const timeOf = (language: string, iso: string): Html =>
  html`<time datetime="${iso}">${whenText(language, iso)}</time>`;

/** The day in Oslo (YYYY-MM-DD), `days` after the given instant. */
export function osloDate(now: Date, days = 0): string {
  const later = new Date(now.getTime() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(later);
}

/** A language code as its own name ("English", "Norsk bokmål"); a code the portal lacks as given. */
export function languageName(context: PageContext, code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  return context.catalogue.languages.find((l) => l.language === code)?.name ?? code;
}

/** A code's text from the catalogue, or the code itself when the catalogue has none. */
export function codeLabel(context: PageContext, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  const text = context.catalogue.t(context.language, key);
  return text === key ? code : text;
}
