import { cellOf, type Naeringsvekst, type Report } from './dashboard-model';

/**
 * CSV of each figure set (RFC 4180, CRLF), from the same figures the page shows. A suppressed
 * cell is an empty value with `<figure>Suppressed` = true, the metrics service's own convention:
 * the number is not there to find.
 */
type Field = string | number | boolean | null;

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with '. */
const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: Field): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: Field[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One line per period and dimension value; two columns per figure (value, suppressed). */
export function reportCsv(figures: readonly string[], report: Report): string {
  const header = [
    'period',
    report.dimension,
    ...figures.flatMap((figure) => [figure, `${figure}Suppressed`]),
  ];
  return toCsv(
    header,
    report.rows.map((row) => [
      row.period,
      row.value,
      ...figures.flatMap((figure) => {
        const cell = cellOf(row, figure);
        return [cell.value, cell.suppressed];
      }),
    ]),
  );
}

export function naeringsvekstCsv(indicator: Naeringsvekst): string {
  return toCsv(
    [
      'from',
      'to',
      'municipalities',
      'newInhabitants',
      'newJobs',
      'jobsPerNewInhabitant',
      'goal',
      'met',
      'jobsFromHelpedFounders',
      'jobsFromHelpedFoundersSuppressed',
    ],
    [
      [
        indicator.from,
        indicator.to,
        indicator.municipalities.join(' '),
        indicator.newInhabitants,
        indicator.newJobs,
        indicator.jobsPerNewInhabitant,
        indicator.goal,
        indicator.met,
        indicator.jobsFromHelpedFounders.value,
        indicator.jobsFromHelpedFounders.suppressed,
      ],
    ],
  );
}
