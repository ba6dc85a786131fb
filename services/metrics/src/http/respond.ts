import type { Request, Response } from 'express';
import type { ReportRow } from '../domain/report';
import type { Shown } from '../domain/suppression';
import { toCsv } from './csv';

/** CSV when asked by `?format=csv` or an Accept header that prefers it over JSON. */
export function wantsCsv(req: Request, format: string | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/** A suppressed figure is an empty value with `<figure>Suppressed` true, in CSV too. */
export function rowsAsCsv(figures: readonly string[], rows: ReportRow[]): string {
  const header = ['period', 'dimension', 'value', ...figures.flatMap((f) => [f, `${f}Suppressed`])];
  return toCsv(
    header,
    rows.map((row) => [
      row.period,
      row.dimension,
      row.value,
      ...figures.flatMap((figure) => {
        const shown: Shown = row.figures[figure] ?? { value: null, suppressed: true };
        return [shown.value, shown.suppressed];
      }),
    ]),
  );
}

export function sendCsv(res: Response, filename: string, body: string): void {
  res
    .status(200)
    .type('text/csv; charset=utf-8')
    .set('Content-Disposition', `attachment; filename="${filename}"`)
    .send(body);
}
