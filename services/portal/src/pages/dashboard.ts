import { html, type Html } from '../html';
import { page, t, type PageContext } from '../layout';
import { MUNICIPALITIES } from '../municipalities';
import { FOCUS_AREAS, type FilterError, type ParsedFilters } from './dashboard-filters';
import { formatMoment, formatNumber } from './dashboard-format';
import type { DashboardFigures, Summary } from './dashboard-model';
import { naeringsvekstSection } from './dashboard-naeringsvekst';
import { breakdownSection, funnelSection, outcomesSection } from './dashboard-sections';

export type Figures = Summary;

function errorText(context: PageContext, error: FilterError): string {
  return t(context, error.key, error.params);
}

function fieldError(context: PageContext, errors: FilterError[], field: string): Html {
  const mine = errors.filter((error) => error.field === field);
  if (mine.length === 0) return html``;
  return html`<p class="error" id="filter-${field}-error">
    ${mine.map((error) => errorText(context, error)).join(' ')}
  </p>`;
}

function invalid(errors: FilterError[], field: string, hint?: string): Html {
  const has = errors.some((error) => error.field === field);
  const ids = [hint, has ? `filter-${field}-error` : undefined].filter(Boolean).join(' ');
  return html`${ids === '' ? '' : html`aria-describedby="${ids}"`}
  ${has ? html`aria-invalid="true"` : ''}`;
}

function select(
  context: PageContext,
  parsed: ParsedFilters,
  field: 'period' | 'municipality' | 'focusArea',
  options: Array<[string, string]>,
): Html {
  const chosen = parsed.values[field] ?? '';
  return html`<div class="field">
    <label for="filter-${field}">${t(context, `dashboard.filter.${field}`)}</label>
    ${fieldError(context, parsed.errors, field)}
    <select id="filter-${field}" name="${field}" ${invalid(parsed.errors, field)}>
      ${options.map(
        ([value, label]) =>
          html`<option value="${value}" ${value === chosen ? html`selected` : ''}>
            ${label}
          </option>`,
      )}
    </select>
  </div>`;
}

function periodInput(context: PageContext, parsed: ParsedFilters, field: 'from' | 'to'): Html {
  return html`<div class="field">
    <label for="filter-${field}">${t(context, `dashboard.filter.${field}`)}</label>
    ${fieldError(context, parsed.errors, field)}
    <input
      id="filter-${field}"
      name="${field}"
      value="${parsed.values[field] ?? ''}"
      size="8"
      ${invalid(parsed.errors, field, 'filter-period-hint')}
    />
  </div>`;
}

/** The filters as a plain GET form: it works without JavaScript, and the URL can be shared. */
function filterForm(context: PageContext, parsed: ParsedFilters): Html {
  const all: [string, string] = ['', t(context, 'dashboard.filter.all')];
  return html`<form method="get" action="/dashboard" class="filters">
    ${
      parsed.errors.length > 0
        ? html`<div class="error-summary" role="alert" id="error-summary">
            <h2>${t(context, 'dashboard.filter.errors')}</h2>
            <ul>
              ${parsed.errors.map(
                (error) =>
                  html`<li><a href="#filter-${error.field}">${errorText(context, error)}</a></li>`,
              )}
            </ul>
          </div>`
        : ''
    }
    <fieldset>
      <legend>${t(context, 'dashboard.filter.legend')}</legend>
      <p class="hint" id="filter-period-hint">${t(context, 'dashboard.filter.hint')}</p>
      ${select(context, parsed, 'period', [
        ['quarter', t(context, 'dashboard.filter.quarter')],
        ['month', t(context, 'dashboard.filter.month')],
      ])}
      ${periodInput(context, parsed, 'from')} ${periodInput(context, parsed, 'to')}
      ${select(context, parsed, 'municipality', [
        all,
        ...Object.entries(MUNICIPALITIES).map(([code, name]): [string, string] => [code, name]),
      ])}
      ${select(context, parsed, 'focusArea', [
        all,
        ...FOCUS_AREAS.map((area): [string, string] => [area, t(context, `focus.${area}`)]),
      ])}
      <button type="submit">${t(context, 'dashboard.filter.submit')}</button>
    </fieldset>
  </form>`;
}

/** The open counters (no token needed), as before: the smallest view of the growth. */
function summarySection(context: PageContext, summary: Summary | undefined): Html {
  const body =
    summary === undefined
      ? html`<p class="notice">${t(context, 'dashboard.unavailable')}</p>`
      : html`<table>
            <caption>
              ${t(context, 'dashboard.caption')}
            </caption>
            <tbody>
              ${(['applications', 'assignments'] as const).map(
                (key) =>
                  html`<tr>
                    <th scope="row">${t(context, `dashboard.${key}`)}</th>
                    <td data-figure="${key}">${formatNumber(context.language, summary[key])}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
          ${
            summary.updatedAt
              ? html`<p id="summary-updated">
                  ${t(context, 'dashboard.updatedAt', {
                    at: formatMoment(context.language, summary.updatedAt),
                  })}
                </p>`
              : ''
          }
          <p><a href="/dashboard.csv" download>${t(context, 'dashboard.csv')}</a></p>`;
  return html`<section aria-labelledby="summary-heading" id="summary">
    <h2 id="summary-heading">${t(context, 'dashboard.summary.title')}</h2>
    ${body}
  </section>`;
}

/** Filters, the open summary, and every figure set as a chart with its table and CSV. */
export function dashboardPage(
  context: PageContext,
  parsed: ParsedFilters,
  figures: DashboardFigures | undefined,
): string {
  const { filters } = parsed;
  const sections =
    figures === undefined
      ? html``
      : html`${summarySection(context, figures.summary)}
        ${funnelSection(context, filters, figures.funnel)}
        ${outcomesSection(context, filters, figures.outcomes)}
        ${naeringsvekstSection(context, filters, figures.naeringsvekst)}
        ${breakdownSection(context, filters, 'municipality', figures.byMunicipality)}
        ${breakdownSection(context, filters, 'focusArea', figures.byFocusArea)}`;
  return page(
    context,
    t(context, 'dashboard.title'),
    html`<p>${t(context, 'dashboard.intro')}</p>
      ${filterForm(context, parsed)} ${sections}`,
  );
}

export function dashboardCsv(figures: Figures): string {
  return `figure,value\r\napplications,${figures.applications}\r\nassignments,${figures.assignments}\r\n`;
}
