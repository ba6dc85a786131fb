import { html, type Html } from '../html';
import { t, type PageContext } from '../layout';
import { barChart, goalChart, lineChart } from './charts';
import { filterQuery, type Filters } from './dashboard-filters';
import { cellText, formatNumber, formatPercent, periodLabel, valueLabel } from './dashboard-format';
import {
  cellOf,
  FUNNEL_FIGURES,
  OUTCOME_FIGURES,
  type Cell,
  type FigureRow,
  type Loaded,
  type Naeringsvekst,
  type Report,
} from './dashboard-model';
import { periodsBetween } from './dashboard-periods';
import { csvLink, dataTable, unavailableNotice } from './dashboard-table';

/** How each figure is written: counts as integers, days with one decimal, rates in percent. */
function figureText(context: PageContext, figure: string, cell: Cell): string {
  const { language } = context;
  if (figure === 'noShowRate') return cellText(context, cell, (v) => formatPercent(language, v));
  if (figure === 'daysToFirstSession')
    return cellText(context, cell, (v) => formatNumber(language, v, 1));
  return cellText(context, cell);
}

function section(id: string, title: string, body: Html): Html {
  return html`<section aria-labelledby="${id}-heading" id="${id}">
    <h2 id="${id}-heading">${title}</h2>
    ${body}
  </section>`;
}

const chartText = (context: PageContext, title: string) => ({
  title,
  description: t(context, 'chart.description'),
  suppressed: t(context, 'chart.suppressed'),
});

/** The rows of the filter's dimension value (or 'all'), one per period of the span. */
function rowsByPeriod(filters: Filters, report: Report): Array<[string, FigureRow | undefined]> {
  const byPeriod = new Map(report.rows.map((row) => [row.period, row]));
  return periodsBetween(filters.period, filters.from, filters.to).map((period) => [
    period,
    byPeriod.get(period),
  ]);
}

export function funnelSection(
  context: PageContext,
  filters: Filters,
  funnel: Loaded<Report>,
): Html {
  const title = t(context, 'dashboard.funnel.title');
  if (!funnel.ok) return section('funnel', title, unavailableNotice(context, funnel, 'funnel'));
  const rows = rowsByPeriod(filters, funnel.data);
  const steps = FUNNEL_FIGURES.filter((figure) => figure !== 'daysToFirstSession');
  const chart = barChart(
    'funnel-chart',
    chartText(context, title),
    steps.map((step) => ({
      label: t(context, `chart.figure.${step}`),
      bars: rows.map(([period, row]) => {
        const cell = cellOf(row, step);
        return { label: periodLabel(context, period), cell, text: figureText(context, step, cell) };
      }),
    })),
  );
  const table = dataTable({
    id: 'funnel-table',
    caption: t(context, 'dashboard.funnel.caption'),
    corner: t(context, 'chart.period'),
    columns: FUNNEL_FIGURES.map((key) => ({ key, label: t(context, `chart.figure.${key}`) })),
    rows: rows.map(([period, row]) => ({
      key: period,
      label: periodLabel(context, period),
      cells: FUNNEL_FIGURES.map((figure) => {
        const cell = cellOf(row, figure);
        return { cell, text: figureText(context, figure, cell) };
      }),
    })),
  });
  return section(
    'funnel',
    title,
    html`<p>${t(context, 'dashboard.funnel.intro')}</p>
      <figure>${chart}</figure>
      ${table} ${csvLink(context, `/dashboard/funnel.csv?${filterQuery(filters)}`, title)}`,
  );
}

const OUTCOME_CHARTS = ['sessionsDelivered', 'noShows', 'jobsCreatedFte', 'fundingObtained'];

export function outcomesSection(
  context: PageContext,
  filters: Filters,
  outcomes: Loaded<Report>,
): Html {
  const title = t(context, 'dashboard.outcomes.title');
  if (!outcomes.ok)
    return section('outcomes', title, unavailableNotice(context, outcomes, 'outcomes'));
  const rows = rowsByPeriod(filters, outcomes.data);
  const charts = OUTCOME_CHARTS.map((figure) => {
    const label = t(context, `chart.figure.${figure}`);
    return html`<figure>
      ${lineChart(
        `outcomes-${figure}`,
        {
          ...chartText(context, label),
          suppressedShort: t(context, 'chart.suppressedShort'),
          tick: (value) => formatNumber(context.language, value),
        },
        rows.map(([period, row]) => {
          const cell = cellOf(row, figure);
          return {
            label: periodLabel(context, period),
            cell,
            text: figureText(context, figure, cell),
          };
        }),
      )}
      <figcaption>${label}</figcaption>
    </figure>`;
  });
  const table = dataTable({
    id: 'outcomes-table',
    caption: t(context, 'dashboard.outcomes.caption'),
    corner: t(context, 'chart.period'),
    columns: OUTCOME_FIGURES.map((key) => ({ key, label: t(context, `chart.figure.${key}`) })),
    rows: rows.map(([period, row]) => ({
      key: period,
      label: periodLabel(context, period),
      cells: OUTCOME_FIGURES.map((figure) => {
        const cell = cellOf(row, figure);
        return { cell, text: figureText(context, figure, cell) };
      }),
    })),
  });
  return section(
    'outcomes',
    title,
    html`<p>${t(context, 'dashboard.outcomes.intro')}</p>
      <div class="charts">${charts}</div>
      ${table} ${csvLink(context, `/dashboard/outcomes.csv?${filterQuery(filters)}`, title)}`,
  );
}

/** Applications per municipality or focus area and period. */
export function breakdownSection(
  context: PageContext,
  filters: Filters,
  dimension: 'municipality' | 'focusArea',
  report: Loaded<Report>,
): Html {
  const id = dimension === 'municipality' ? 'by-municipality' : 'by-focus-area';
  const title = t(context, `dashboard.${id}.title`);
  if (!report.ok) return section(id, title, unavailableNotice(context, report, id));
  const periods = periodsBetween(filters.period, filters.from, filters.to);
  const values = [...new Set(report.data.rows.map((row) => row.value))].sort();
  const cellAt = (value: string, period: string) =>
    cellOf(
      report.data.rows.find((row) => row.value === value && row.period === period),
      'applied',
    );
  const groups = values.map((value) => ({
    label: valueLabel(context, dimension, value),
    bars: periods.map((period) => {
      const cell = cellAt(value, period);
      return { label: periodLabel(context, period), cell, text: cellText(context, cell) };
    }),
  }));
  const table = dataTable({
    id: `${id}-table`,
    caption: t(context, `dashboard.${id}.caption`),
    corner: t(context, `dashboard.${id}.corner`),
    columns: periods.map((period) => ({ key: period, label: periodLabel(context, period) })),
    rows: values.map((value) => ({
      key: value,
      label: valueLabel(context, dimension, value),
      cells: periods.map((period) => {
        const cell = cellAt(value, period);
        return { cell, text: cellText(context, cell) };
      }),
    })),
  });
  const body =
    values.length === 0
      ? html`<p class="notice">${t(context, 'dashboard.noRows')}</p>`
      : html`<figure>${barChart(`${id}-chart`, chartText(context, title), groups)}</figure>
          ${table}`;
  return section(
    id,
    title,
    html`${body} ${csvLink(context, `/dashboard/${id}.csv?${filterQuery(filters)}`, title)}`,
  );
}

export function naeringsvekstSection(
  context: PageContext,
  filters: Filters,
  indicator: Loaded<Naeringsvekst>,
): Html {
  const title = t(context, 'dashboard.naeringsvekst.title');
  if (!indicator.ok)
    return section('naeringsvekst', title, unavailableNotice(context, indicator, 'naeringsvekst'));
  const data = indicator.data;
  const number = (value: number, digits = 2) => formatNumber(context.language, value, digits);
  const ratio = data.jobsPerNewInhabitant;
  const verdict = t(
    context,
    data.met ? 'dashboard.naeringsvekst.met' : 'dashboard.naeringsvekst.notMet',
  );
  const chart = goalChart(
    'naeringsvekst-chart',
    {
      ...chartText(context, t(context, 'chart.figure.jobsPerNewInhabitant')),
      goalLabel: t(context, 'chart.goal', { goal: number(data.goal) }),
      valueLabel: `${t(context, 'chart.figure.jobsPerNewInhabitant')}: ${ratio === null ? '' : number(ratio, 4)}`,
      noValue: t(context, 'dashboard.naeringsvekst.noGrowth'),
    },
    { value: ratio, goal: data.goal },
  );
  const row = (key: string, text: string, cell?: Cell) => ({
    key,
    label: t(context, `chart.figure.${key}`),
    cells: [{ cell: cell ?? { value: 0, suppressed: false as const }, text }],
  });
  const table = dataTable({
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
      row(
        'jobsPerNewInhabitant',
        ratio === null ? t(context, 'dashboard.naeringsvekst.noGrowth') : number(ratio, 4),
      ),
      row('goal', number(data.goal)),
      row('met', verdict),
      row(
        'jobsFromHelpedFounders',
        cellText(context, data.jobsFromHelpedFounders),
        data.jobsFromHelpedFounders,
      ),
    ],
  });
  return section(
    'naeringsvekst',
    title,
    html`<p>${t(context, 'dashboard.naeringsvekst.intro')}</p>
      <p id="naeringsvekst-verdict"><strong>${verdict}</strong></p>
      <figure>${chart}</figure>
      ${table} ${csvLink(context, `/dashboard/naeringsvekst.csv?${filterQuery(filters)}`, title)}`,
  );
}
