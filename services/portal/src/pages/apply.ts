import { html, type Html } from '../html';
import { page, t, type PageContext } from '../layout';
import { PARTNERS, type FormValues } from '../form';

export type FieldErrors = Record<string, string[]>;

type TextField =
  | 'name'
  | 'email'
  | 'phone'
  | 'organisationNumber'
  | 'sector'
  | 'focusArea'
  | 'stage'
  | 'organisationForm'
  | 'referralSource';

const SECTORS = ['A', 'C', 'F', 'G', 'I', 'J', 'M', 'N', 'P', 'Q', 'R', 'S'];
const FOCUS = [
  'grunder',
  'property-development',
  'health-industry',
  'visitor-industry-trade',
  'other',
];
const STAGES = ['idea', 'validating', 'preparing-registration', 'registered'];
const FORMS = ['ENK', 'AS', 'ANS/DA', 'SA', 'undecided'];
const NEEDS = [
  'business-plan',
  'financing',
  'registration',
  'accounting-tax',
  'marketing',
  'premises',
  'mentor',
];
const REFERRALS = ['nav', 'usn', 'self', 'other'];

interface FieldView {
  context: PageContext;
  values: FormValues;
  errors: FieldErrors;
}

/** An error message tied to its field (aria-describedby), so screen readers read both. */
function errorOf(view: FieldView, name: string): Html {
  const messages = view.errors[name];
  if (messages === undefined) return html``;
  return html`<p class="error" id="${name}-error">${messages.join(' ')}</p>`;
}

function described(view: FieldView, name: string, hint?: string): Html {
  const ids = [hint, view.errors[name] ? `${name}-error` : undefined].filter(Boolean).join(' ');
  return html`${ids === '' ? '' : html`aria-describedby="${ids}"`}
  ${view.errors[name] ? html`aria-invalid="true"` : ''}`;
}

function input(view: FieldView, name: TextField, type = 'text', attrs: Html = html``): Html {
  const value = view.values[name];
  return html`<label for="${name}">${t(view.context, `field.${name}`)}</label>
    ${errorOf(view, name)}
    <input
      id="${name}"
      name="${name}"
      type="${type}"
      value="${typeof value === 'string' ? value : ''}"
      ${attrs}
      ${described(view, name)}
    />`;
}

function select(view: FieldView, name: TextField, options: string[], prefix: string): Html {
  const chosen = view.values[name];
  return html`<label for="${name}">${t(view.context, `field.${name}`)}</label>
    ${errorOf(view, name)}
    <select id="${name}" name="${name}" ${described(view, name)}>
      ${options.map((option) => html`<option value="${option}" ${chosen === option ? html`selected` : ''}>${t(view.context, `${prefix}.${option}`)}</option>`)}
    </select>`;
}

function checkboxes(
  view: FieldView,
  name: 'needs' | 'sharing',
  options: readonly string[],
  label: (o: string) => string,
  legend: string,
): Html {
  const chosen = view.values[name];
  const list = chosen === undefined ? [] : Array.isArray(chosen) ? chosen : [chosen];
  return html`<fieldset>
    <legend>${legend}</legend>
    ${options.map(
      (option, index) =>
        html`<div>
          <input
            type="checkbox"
            id="${name}-${index}"
            name="${name}"
            value="${option}"
            ${list.includes(option) ? html`checked` : ''}
          />
          <label for="${name}-${index}">${label(option)}</label>
        </div>`,
    )}
  </fieldset>`;
}

function errorSummary(view: FieldView): Html {
  const entries = Object.entries(view.errors);
  if (entries.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
    <h2>${t(view.context, 'apply.errors')}</h2>
    <ul>
      ${entries.map(([name, messages]) => html`<li><a href="#${name === 'form' ? 'name' : name}">${messages.join(' ')}</a></li>`)}
    </ul>
  </div>`;
}

export function applyPage(context: PageContext, values: FormValues, errors: FieldErrors): string {
  const view: FieldView = { context, values, errors };
  const language = values.language ?? context.language;
  const body = html`<p>${t(context, 'apply.intro')}</p>
    ${errorSummary(view)}
    <form method="post" action="/apply" novalidate>
      ${input(view, 'name', 'text', html`autocomplete="name" required`)}
      ${input(view, 'email', 'email', html`autocomplete="email" required`)}
      ${input(view, 'phone', 'tel', html`autocomplete="tel"`)}
      <label for="language">${t(context, 'field.language')}</label>
      <select id="language" name="language">
        ${context.catalogue.languages.map((l) => html`<option value="${l.language}" lang="${l.language}" ${language === l.language ? html`selected` : ''}>${l.name}</option>`)}
      </select>
      <label for="municipality">${t(context, 'field.municipality')}</label>
      <p class="hint" id="municipality-hint">${t(context, 'field.municipality.hint')}</p>
      ${errorOf(view, 'municipality')}
      <input
        id="municipality"
        name="municipality"
        inputmode="numeric"
        value="${values.municipality ?? '3301'}"
        required
        ${described(view, 'municipality', 'municipality-hint')}
      />
      <label for="idea">${t(context, 'field.idea')}</label>
      ${errorOf(view, 'idea')}
      <textarea id="idea" name="idea" rows="4" cols="60" required ${described(view, 'idea')}>
${values.idea ?? ''}</textarea>
      ${select(view, 'sector', SECTORS, 'sector')} ${select(view, 'focusArea', FOCUS, 'focus')}
      ${select(view, 'stage', STAGES, 'stage')} ${select(view, 'organisationForm', FORMS, 'form')}
      ${input(view, 'organisationNumber', 'text', html`inputmode="numeric"`)}
      ${checkboxes(view, 'needs', NEEDS, (n) => t(context, `need.${n}`), t(context, 'field.needs'))}
      ${select(view, 'referralSource', REFERRALS, 'referral')}
      <fieldset>
        <legend>${t(context, 'consents.legend')}</legend>
        ${errorOf(view, 'consentProcessing')}
        <div>
          <input
            type="checkbox"
            id="consentProcessing"
            name="consentProcessing"
            value="yes"
            ${values.consentProcessing === 'yes' ? html`checked` : ''}
            ${described(view, 'consentProcessing')}
          />
          <label for="consentProcessing">${t(context, 'consents.processing')}</label>
        </div>
        <div>
          <input
            type="checkbox"
            id="consentStatistics"
            name="consentStatistics"
            value="yes"
            ${values.consentStatistics === 'yes' ? html`checked` : ''}
          />
          <label for="consentStatistics">${t(context, 'consents.statistics')}</label>
        </div>
      </fieldset>
      ${checkboxes(view, 'sharing', PARTNERS, (p) => t(context, 'consents.sharing', { partner: t(context, `partner.${p}`) }), t(context, 'consents.sharingLegend'))}
      <button type="submit">${t(context, 'apply.submit')}</button>
    </form>`;
  return page(context, t(context, 'apply.title'), body);
}
