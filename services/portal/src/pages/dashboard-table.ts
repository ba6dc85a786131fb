import { html, type Html } from '../html';
import { t, type PageContext } from '../layout';
import { missingStatisticsText } from './dashboard-missing';
import type { Cell, Unavailable } from './dashboard-model';

/** A data table: the text alternative of a chart (caption, th with scope). */
export interface TableData {
  id: string;
  caption: string;
  /** The header of the row-header column, then one per column. */
  corner: string;
  columns: Array<{ key: string; label: string }>;
  rows: Array<{ key: string; label: string; cells: Array<{ cell: Cell; text: string }> }>;
}

export function dataTable(data: TableData): Html {
  // A wide table scrolls on its own; the region is focusable so keyboard users can scroll it too.
  return html`<div
    class="table-scroll"
    role="region"
    aria-labelledby="${data.id}-caption"
    tabindex="0"
  >
    <table id="${data.id}">
      <caption id="${data.id}-caption">
        ${data.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${data.corner}</th>
          ${data.columns.map((column) => html`<th scope="col">${column.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${data.rows.map(
          (row) =>
            html`<tr data-row="${row.key}">
              <th scope="row">${row.label}</th>
              ${row.cells.map(
                ({ cell, text }, i) =>
                  html`<td
                    data-cell="${data.columns[i]?.key ?? ''}"
                    ${cell.suppressed ? html`data-suppressed="true" class="suppressed"` : ''}
                  >
                    ${text}
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** Why a figure set is missing, in words; the rest of the page still works. */
export function unavailableNotice(context: PageContext, why: Unavailable, id: string): Html {
  const message =
    why.reason === 'missing-statistics'
      ? t(context, 'dashboard.missingStatistics', {
          missing: missingStatisticsText(context, why.missing),
        })
      : why.reason === 'not-possible'
        ? t(context, `dashboard.notPossible.${id}`)
        : t(context, `dashboard.unavailable.${why.reason}`);
  return html`<p class="notice" data-unavailable="${why.reason}">${message}</p>`;
}

export function csvLink(context: PageContext, href: string, what: string): Html {
  return html`<p><a href="${href}" download>${t(context, 'dashboard.csvOf', { what })}</a></p>`;
}
