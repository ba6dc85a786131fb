import { html, type Html } from '../html';
import { t, type PageContext } from '../layout';
import { goalChart } from './chart-goal';
import { filterQuery, type Filters } from './dashboard-filters';
import { cellText, formatNumber, periodLabel, valueLabel } from './dashboard-format';
import type { Cell, Loaded, Naeringsvekst } from './dashboard-model';
import { chartText, section } from './dashboard-sections';
import { csvLink, dataTable, unavailableNotice } from './dashboard-table';

const SHOWN: Cell = { value: 0, suppressed: false };

function ratioText(context: PageContext, ratio: number | null): string {
  return ratio === null
    ? t(context, 'dashboard.naeringsvekst.noGrowth')
    : formatNumber(context.language, ratio, 4);
}

function verdictOf(context: PageContext, data: Naeringsvekst): string {
  return t(context, data.met ? 'dashboard.naeringsvekst.met' : 'dashboard.naeringsvekst.notMet');
}

function indicatorChart(context: PageContext, data: Naeringsvekst): Html {
  const label = t(context, 'chart.figure.jobsPerNewInhabitant');
  return goalChart(
    'naeringsvekst-chart',
    {
      ...chartText(context, label),
      goalLabel: t(context, 'chart.goal', { goal: formatNumber(context.language, data.goal) }),
      valueLabel: `${label}: ${ratioText(context, data.jobsPerNewInhabitant)}`,
      noValue: t(context, 'dashboard.naeringsvekst.noGrowth'),
    },
    { value: data.jobsPerNewInhabitant, goal: data.goal },
  );
}

/** The figures behind the indicator; only the helped founders' jobs can be suppressed. */
function indicatorTable(context: PageContext, data: Naeringsvekst): Html {
  const number = (value: number) => formatNumber(context.language, value);
  const row = (key: string, text: string, cell: Cell = SHOWN) => ({
    key,
    label: t(context, `chart.figure.${key}`),
    cells: [{ cell, text }],
  });
  const helped = data.jobsFromHelpedFounders;
  return dataTable({
    id: 'naeringsvekst-table',
    caption: t(context, 'dashboard.naeringsvekst.caption', {
      from: periodLabel(context, data.from),
      to: periodLabel(context, data.to),
      municipalities: data.municipalities
        .map((m) => valueLabel(context, 'municipality', m))
        .join(', '),
    }),
    corner: t(context, 'chart.figure'),
    columns: [{ key: 'value', label: t(context, 'chart.value') }],
    rows: [
      row('newInhabitants', number(data.newInhabitants)),
      row('newJobs', number(data.newJobs)),
      row('jobsPerNewInhabitant', ratioText(context, data.jobsPerNewInhabitant)),
      row('goal', number(data.goal)),
      row('met', verdictOf(context, data)),
      row('jobsFromHelpedFounders', cellText(context, helped), helped),
    ],
  });
}

/** Næringsvekst against its goal: the verdict in words, a goal chart and the figures' table. */
export function naeringsvekstSection(
  context: PageContext,
  filters: Filters,
  indicator: Loaded<Naeringsvekst>,
): Html {
  const title = t(context, 'dashboard.naeringsvekst.title');
  if (!indicator.ok)
    return section('naeringsvekst', title, unavailableNotice(context, indicator, 'naeringsvekst'));
  return section(
    'naeringsvekst',
    title,
    html`<p>${t(context, 'dashboard.naeringsvekst.intro')}</p>
      <p id="naeringsvekst-verdict"><strong>${verdictOf(context, indicator.data)}</strong></p>
      <figure>${indicatorChart(context, indicator.data)}</figure>
      ${indicatorTable(context, indicator.data)}
      ${csvLink(context, `/dashboard/naeringsvekst.csv?${filterQuery(filters)}`, title)}`,
  );
}
