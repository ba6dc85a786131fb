import { html, type Html } from '../html';
import { page, t, type PageContext } from '../layout';
import { FUNDING_SOURCES, REVENUE_BANDS, type SurveyFormValues } from '../survey-form';
import { describedBy, errorSummary, fieldError, radioGroup, type FormProblem } from './form-parts';

export interface SurveyView {
  action: string;
  monthsAfterRegistration: number;
  values: SurveyFormValues;
  problems: FormProblem[];
}

function numberField(
  context: PageContext,
  view: SurveyView,
  name: 'employeesFte' | 'hiresFromUnemployment',
  inputMode: 'decimal' | 'numeric',
): Html {
  const value = view.values[name];
  return html`<label for="${name}">${t(context, `survey.${name}.label`)}</label>
    <p class="hint" id="${name}-hint">${t(context, `survey.${name}.hint`)}</p>
    ${fieldError(view.problems, name)}
    <input
      id="${name}"
      name="${name}"
      inputmode="${inputMode}"
      autocomplete="off"
      size="8"
      value="${typeof value === 'string' ? value : ''}"
      required
      ${describedBy(view.problems, name, `${name}-hint`)}
    />`;
}

function fundingField(context: PageContext, view: SurveyView): Html {
  const raw = view.values.fundingObtained;
  const chosen = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const invalid = view.problems.some((p) => p.field === 'fundingObtained');
  return html`<fieldset ${invalid ? html`aria-describedby="fundingObtained-error"` : ''}>
    <legend>${t(context, 'survey.funding.legend')}</legend>
    ${fieldError(view.problems, 'fundingObtained')}
    ${FUNDING_SOURCES.map(
      (source, index) =>
        html`<div>
          <input
            type="checkbox"
            id="fundingObtained-${index}"
            name="fundingObtained"
            value="${source}"
            ${chosen.includes(source) ? html`checked` : ''}
          />
          <label for="fundingObtained-${index}">${t(context, `survey.funding.${source}`)}</label>
        </div>`,
    )}
  </fieldset>`;
}

/** The follow-up survey: five questions, every one labelled, errors next to their fields. */
export function surveyPage(context: PageContext, view: SurveyView): string {
  const { problems, values } = view;
  return page(
    context,
    t(context, 'survey.title'),
    html`<p>${t(context, 'survey.intro', { months: view.monthsAfterRegistration })}</p>
      ${errorSummary(context, problems)}
      <form method="post" action="${view.action}" novalidate>
        ${radioGroup({
          problems,
          name: 'stillOperating',
          legend: t(context, 'survey.stillOperating.legend'),
          choices: [
            { value: 'yes', label: t(context, 'survey.yes') },
            { value: 'no', label: t(context, 'survey.no') },
          ],
          chosen: values.stillOperating,
        })}
        ${numberField(context, view, 'employeesFte', 'decimal')}
        ${radioGroup({
          problems,
          name: 'revenueBand',
          legend: t(context, 'survey.revenueBand.legend'),
          choices: REVENUE_BANDS.map((band) => ({
            value: band,
            label: t(context, `survey.revenueBand.${band}`),
          })),
          chosen: values.revenueBand,
        })}
        ${numberField(context, view, 'hiresFromUnemployment', 'numeric')}
        ${fundingField(context, view)}
        <button type="submit">${t(context, 'survey.submit')}</button>
      </form>`,
  );
}

/** Thank-you, already answered, or a link that does not work. */
export function surveyMessagePage(
  context: PageContext,
  kind: 'thanks' | 'answered' | 'missing',
): string {
  const title = t(context, kind === 'missing' ? 'survey.title' : 'survey.thanks.title');
  const role = kind === 'missing' ? html`class="error" role="alert"` : html`id="survey-done"`;
  return page(context, title, html`<p ${role}>${t(context, `survey.${kind}`)}</p>`);
}
