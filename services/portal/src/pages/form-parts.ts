import { html, type Html } from '../html';
import { t, type PageContext } from '../layout';

/** One problem of a form: the id of the control it links to and the message, already localised. */
export interface FormProblem {
  /** The field's name (for the error's id) and the control the summary links to. */
  field: string;
  target: string;
  message: string;
}

export const errorId = (field: string) => `${field}-error`;

/** The summary at the top of a form (focusable, announced), each entry a link to its field. */
export function errorSummary(context: PageContext, problems: readonly FormProblem[]): Html {
  if (problems.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
    <h2>${t(context, 'booking.errors')}</h2>
    <ul>
      ${problems.map((p) => html`<li><a href="#${p.target}">${p.message}</a></li>`)}
    </ul>
  </div>`;
}

/** The message next to its field; the field points at it with aria-describedby. */
export function fieldError(problems: readonly FormProblem[], field: string): Html {
  const problem = problems.find((p) => p.field === field);
  return problem === undefined
    ? html``
    : html`<p class="error" id="${errorId(field)}">${problem.message}</p>`;
}

/** aria-describedby (hint and error) and aria-invalid for a field. */
export function describedBy(
  problems: readonly FormProblem[],
  field: string,
  hintId?: string,
): Html {
  const invalid = problems.some((p) => p.field === field);
  const ids = [hintId, invalid ? errorId(field) : undefined].filter(Boolean).join(' ');
  return html`${ids === '' ? '' : html`aria-describedby="${ids}"`}
  ${invalid ? html`aria-invalid="true"` : ''}`;
}

/** A group of radio buttons in a fieldset with its legend and error. */
export function radioGroup(options: {
  problems: readonly FormProblem[];
  name: string;
  legend: string;
  choices: ReadonlyArray<{ value: string; label: string }>;
  chosen?: string | undefined;
}): Html {
  const { problems, name, legend, choices, chosen } = options;
  // The fieldset (the group) points at the error; aria-invalid belongs on form controls.
  const invalid = problems.some((p) => p.field === name);
  return html`<fieldset ${invalid ? html`aria-describedby="${errorId(name)}"` : ''}>
    <legend>${legend}</legend>
    ${fieldError(problems, name)}
    ${choices.map(
      (choice, index) =>
        html`<div>
          <input
            type="radio"
            id="${name}-${index}"
            name="${name}"
            value="${choice.value}"
            ${chosen === choice.value ? html`checked` : ''}
          />
          <label for="${name}-${index}">${choice.label}</label>
        </div>`,
    )}
  </fieldset>`;
}

/** A link back to the founder's status page. */
export const statusHref = (applicationId: string, token: string, notice?: string) =>
  `/status/${applicationId}?token=${encodeURIComponent(token)}${notice ? `&notice=${notice}` : ''}`;
