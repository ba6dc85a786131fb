import { html } from '../html';
import { page, t, type PageContext } from '../layout';
import { when } from './staff-format';

export interface CounsellorLoad {
  counsellorId: string;
  name: string;
  active: boolean;
  awayToday: boolean;
  openCases: number;
  capacity: number;
  load: number;
  casesWithOverdue: number;
}

/** A load as a percentage of capacity, for the bar (never wider than the cell). */
export const loadPercent = (load: CounsellorLoad): number =>
  Math.round((load.openCases / Math.max(load.capacity, 1)) * 100);

/** The lead's view: each counsellor's open cases against capacity, as a table with bars. */
export function teamPage(
  context: PageContext,
  loads: CounsellorLoad[] | undefined,
  key?: string,
): string {
  if (loads === undefined) {
    return page(
      context,
      t(context, 'lead.title'),
      html`<p class="error" role="alert">${t(context, key ?? 'case.error.unavailable')}</p>`,
    );
  }
  const rows = loads.map((load) => {
    const percent = loadPercent(load);
    const state = [
      !load.active ? t(context, 'lead.inactive') : '',
      load.awayToday ? t(context, 'lead.away') : '',
    ]
      .filter((s) => s !== '')
      .join(', ');
    return html`<tr data-counsellor="${load.counsellorId}">
      <th scope="row">${load.name}</th>
      <td data-open="${load.openCases}">${load.openCases}</td>
      <td>${load.capacity}</td>
      <td>
        ${percent} %
        <div class="meter" aria-hidden="true" style="inline-size: 8rem; border: 1px solid #767676">
          <div
            class="bar${when(percent > 100, ' over')}"
            style="inline-size: ${Math.min(percent, 100)}%"
          ></div>
        </div>
      </td>
      <td>${load.casesWithOverdue}</td>
      <td>${state === '' ? t(context, 'lead.available') : state}</td>
    </tr>`;
  });
  return page(
    context,
    t(context, 'lead.title'),
    html`<p>${t(context, 'lead.intro')}</p>
      <table>
        <caption>
          ${t(context, 'lead.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t(context, 'lead.counsellor')}</th>
            <th scope="col">${t(context, 'lead.open')}</th>
            <th scope="col">${t(context, 'lead.capacity')}</th>
            <th scope="col">${t(context, 'lead.load')}</th>
            <th scope="col">${t(context, 'lead.overdue')}</th>
            <th scope="col">${t(context, 'lead.state')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
      <p><a href="/staff/board">${t(context, 'case.back')}</a></p>`,
  );
}
