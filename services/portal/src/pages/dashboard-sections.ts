import { html, type Html } from '../html';
import { t, type PageContext } from '../layout';
import { lineChart } from './chart-line';
import { barChart } from './charts';
import { filterQuery, type Filters } from './dashboard-filters';
import { cellText, formatNumber, formatPercent, periodLabel, valueLabel } from './dashboard-format';
import {
  cellOf,
  FUNNEL_FIGURES,
  OUTCOME_FIGURES,
  type Cell,
  type FigureRow,
  type Loaded,
  type Report,
} from './dashboard-model';
import { periodsBetween } from './dashboard-periods';
import { csvLink, dataTable, unavailableNotice } from './dashboard-table';

/** How each figure is written: counts as integers, days with one decimal, rates in percent. */
export function figureText(context: PageContext, figure: string, cell: Cell): string {
  const { language } = context;
  if (figure === 'noShowRate') return cellText(context, cell, (v) => formatPercent(language, v));
  if (figure === 'daysToFirstSession')
    return cellText(context, cell, (v) => formatNumber(language, v, 1));
  return cellText(context, cell);
}

export function section(id: string, title: string, body: Html): Html {
  return html`<section aria-labelledby="${id}-heading" id="${id}">
    <h2 id="${id}-heading">${title}</h2>
    ${body}
  </section>`;
}

export const chartText = (context: PageContext, title: string, key = 'chart.description') => ({
  title,
  description: t(context, key),
  suppressed: t(context, 'chart.suppressed'),
});

/** Bar charts leave out periods without any figures (all "fewer than 5"); the table has all. */
const BAR_DESCRIPTION = 'chart.descriptionWithData';

/** The rows of the filter's dimension value (or 'all'), one per period of the span. */
function rowsByPeriod(filters: Filters, report: Report): PeriodRows {
  const byPeriod = new Map(report.rows.map((row) => [row.period, row]));
  return periodsBetween(filters.period, filters.from, filters.to).map((period) => [
    period,
    byPeriod.get(period),
  ]);
}

type PeriodRows = Array<[string, FigureRow | undefined]>;

/** A figure of a row as a chart mark, labelled by its period. */
function markOf(context: PageContext, period: string, row: FigureRow | undefined, figure: string) {
  const cell = cellOf(row, figure);
  return { label: periodLabel(context, period), cell, text: figureText(context, figure, cell) };
}

/** Periods down, figures across: the table of the funnel and of the outcomes. */
function periodTable(
  context: PageContext,
  id: string,
  figures: readonly string[],
  rows: PeriodRows,
): Html {
  return dataTable({
    id: `${id}-table`,
    caption: t(context, `dashboard.${id}.caption`),
    corner: t(context, 'chart.period'),
    columns: figures.map((key) => ({ key, label: t(context, `chart.figure.${key}`) })),
    rows: rows.map(([period, row]) => ({
      key: period,
      label: periodLabel(context, period),
      cells: figures.map((figure) => markOf(context, period, row, figure)),
    })),
  });
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
  const withData = rows.filter(([, row]) => row !== undefined);
  const groups = steps.map((step) => ({
    label: t(context, `chart.figure.${step}`),
    bars: withData.map(([period, row]) => markOf(context, period, row, step)),
  }));
  const chart =
    withData.length === 0
      ? html`<p class="notice">${t(context, 'dashboard.noRows')}</p>`
      : html`<figure>
          ${barChart('funnel-chart', chartText(context, title, BAR_DESCRIPTION), groups)}
        </figure>`;
  return section(
    'funnel',
    title,
    html`<p>${t(context, 'dashboard.funnel.intro')}</p>
      ${chart} ${periodTable(context, 'funnel', FUNNEL_FIGURES, rows)}
      ${csvLink(context, `/dashboard/funnel.csv?${filterQuery(filters)}`, title)}`,
  );
}

const OUTCOME_CHARTS = ['sessionsDelivered', 'noShows', 'jobsCreatedFte', 'fundingObtained'];

/** One line chart per outcome: one series each, so no chart needs a legend or colours. */
export function outcomesSection(
  context: PageContext,
  filters: Filters,
  outcomes: Loaded<Report>,
): Html {
  const title = t(context, 'dashboard.outcomes.title');
  if (!outcomes.ok)
    return section('outcomes', title, unavailableNotice(context, outcomes, 'outcomes'));
  const rows = rowsByPeriod(filters, outcomes.data);
  const text = (label: string) => ({
    ...chartText(context, label),
    suppressedShort: t(context, 'chart.suppressedShort'),
    tick: (value: number) => formatNumber(context.language, value),
  });
  const charts = OUTCOME_CHARTS.map((figure) => {
    const label = t(context, `chart.figure.${figure}`);
    const points = rows.map(([period, row]) => markOf(context, period, row, figure));
    return html`<figure>
      ${lineChart(`outcomes-${figure}`, text(label), points)}
      <figcaption>${label}</figcaption>
    </figure>`;
  });
  return section(
    'outcomes',
    title,
    html`<p>${t(context, 'dashboard.outcomes.intro')}</p>
      ${charts} ${periodTable(context, 'outcomes', OUTCOME_FIGURES, rows)}
      ${csvLink(context, `/dashboard/outcomes.csv?${filterQuery(filters)}`, title)}`,
  );
}

interface Breakdown {
  id: 'by-municipality' | 'by-focus-area';
  dimension: 'municipality' | 'focusArea';
  periods: string[];
  values: string[];
  cellAt: (value: string, period: string) => Cell;
}

/** Values down, periods across. */
function breakdownTable(context: PageContext, b: Breakdown): Html {
  return dataTable({
    id: `${b.id}-table`,
    caption: t(context, `dashboard.${b.id}.caption`),
    corner: t(context, `dashboard.${b.id}.corner`),
    columns: b.periods.map((period) => ({ key: period, label: periodLabel(context, period) })),
    rows: b.values.map((value) => ({
      key: value,
      label: valueLabel(context, b.dimension, value),
      cells: b.periods.map((period) => {
        const cell = b.cellAt(value, period);
        return { cell, text: cellText(context, cell) };
      }),
    })),
  });
}

function breakdownChart(context: PageContext, b: Breakdown, title: string, rows: FigureRow[]) {
  const withData = b.periods.filter((period) => rows.some((row) => row.period === period));
  const groups = b.values.map((value) => ({
    label: valueLabel(context, b.dimension, value),
    bars: withData.map((period) => {
      const cell = b.cellAt(value, period);
      return { label: periodLabel(context, period), cell, text: cellText(context, cell) };
    }),
  }));
  return barChart(`${b.id}-chart`, chartText(context, title, BAR_DESCRIPTION), groups);
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
  const rows = report.data.rows;
  const breakdown: Breakdown = {
    id,
    dimension,
    periods: periodsBetween(filters.period, filters.from, filters.to),
    values: [...new Set(rows.map((row) => row.value))].sort(),
    cellAt: (value, period) =>
      cellOf(
        rows.find((row) => row.value === value && row.period === period),
        'applied',
      ),
  };
  const body =
    breakdown.values.length === 0
      ? html`<p class="notice">${t(context, 'dashboard.noRows')}</p>`
      : html`<figure>${breakdownChart(context, breakdown, title, rows)}</figure>
          ${breakdownTable(context, breakdown)}`;
  return section(
    id,
    title,
    html`${body} ${csvLink(context, `/dashboard/${id}.csv?${filterQuery(filters)}`, title)}`,
  );
}
