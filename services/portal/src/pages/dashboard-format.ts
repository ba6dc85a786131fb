import { t, type PageContext } from '../layout';
import { municipalityLabel } from '../municipalities';
import { intlLocale } from '../oslo-time';
import type { Cell } from './dashboard-model';
import { MONTH, QUARTER } from './dashboard-periods';

/** Numbers in the page's language: 0,42 and 1 234 in Norwegian, 0.42 and 1,234 in English. */
export function formatNumber(language: string, value: number, digits = 2): string {
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: digits }).format(
    value,
  );
}

export function formatPercent(language: string, value: number): string {
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(value);
}

/** A moment in the page's language, in Norwegian time: "2. desember 2026 kl. 08:30". */
export function formatMoment(language: string, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(new Date(iso));
}

/** A period's name: "March 2026" / "mars 2026", "Q1 2026" / "1. kvartal 2026". */
export function periodLabel(context: PageContext, period: string): string {
  const month = MONTH.exec(period);
  if (month !== null) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(intlLocale(context.language), {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  }
  const quarter = QUARTER.exec(period);
  if (quarter !== null)
    return t(context, 'chart.quarter', { year: quarter[1] ?? '', quarter: quarter[2] ?? '' });
  return period;
}

/** A dimension value's name: the municipality's, the focus area's text, or the code. */
export function valueLabel(context: PageContext, dimension: string, value: string): string {
  if (dimension === 'municipality') return municipalityLabel(value);
  if (dimension === 'focusArea') return t(context, `focus.${value}`);
  if (dimension === 'all') return t(context, 'dashboard.all');
  return value;
}

/** A cell as text; suppressed cells say so in words, never as a number. */
export function cellText(
  context: PageContext,
  cell: Cell,
  format: (value: number) => string = (value) => formatNumber(context.language, value),
): string {
  return cell.suppressed ? t(context, 'chart.suppressed') : format(cell.value);
}
