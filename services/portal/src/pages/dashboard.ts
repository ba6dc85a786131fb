import { html } from '../html';
import { page, t, type PageContext } from '../layout';

export interface Figures {
  applications: number;
  assignments: number;
}

/** The funnel as a table (the accessible source) and as bars drawn from the same numbers. */
export function dashboardPage(context: PageContext, figures: Figures | undefined): string {
  if (figures === undefined) {
    return page(
      context,
      t(context, 'dashboard.title'),
      html`<p role="alert">${t(context, 'dashboard.unavailable')}</p>`,
    );
  }
  const rows = [
    ['applications', figures.applications],
    ['assignments', figures.assignments],
  ] as const;
  const max = Math.max(1, ...rows.map(([, value]) => value));
  return page(
    context,
    t(context, 'dashboard.title'),
    html` <table>
        <caption>
          ${t(context, 'dashboard.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">&nbsp;</th>
            <th scope="col">#</th>
            <th scope="col" aria-hidden="true"></th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ([key, value]) =>
              html`<tr>
                <th scope="row">${t(context, `dashboard.${key}`)}</th>
                <td data-figure="${key}">${value}</td>
                <td aria-hidden="true">
                  <div class="bar" style="inline-size: ${Math.round((value / max) * 20)}rem"></div>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p><a href="/dashboard.csv" download>${t(context, 'dashboard.csv')}</a></p>`,
  );
}

export function dashboardCsv(figures: Figures): string {
  return `figure,value\r\napplications,${figures.applications}\r\nassignments,${figures.assignments}\r\n`;
}
