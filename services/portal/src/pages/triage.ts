import { partnerCategories, triageDecisions } from '@grunderboost/contracts';
import { html, type Html } from '../html';
import { page, t, type PageContext } from '../layout';
import { municipalityLabel } from '../municipalities';
import { TRIAGE_REASONS, type TriageProblemField, type TriageValues } from '../staff/triage-form';
import { errorSummary, fieldError, radioGroup, type FormProblem } from './form-parts';
import { codeLabel, languageName, timeOf, when } from './staff-format';

/** intake's staff view of an application, as far as this page reads it. */
export interface StaffApplication {
  applicationId: string;
  status: string;
  submittedAt: string;
  triage?: {
    decision: string;
    reasons: Array<{ code: string; text: string }>;
    referredToText?: string;
    automatic: boolean;
  };
  findings?: Array<{ code: string }>;
  details?: {
    contact?: { name?: string; email?: string; phone?: string };
    municipality?: string;
    language?: string;
    idea?: string;
    sector?: string;
    focusArea?: string;
    stage?: string;
    organisationForm?: string;
    organisationNumber?: string;
    needs?: string[];
    referralSource?: string;
  };
}

export interface TriageView {
  application: StaffApplication;
  values?: TriageValues;
  problems?: TriageProblemField[];
  /** A refusal of intake's, as a catalogue key. */
  refusal?: string;
}

/** A counsellor may decide while nobody has, or overrule what the pre-triage decided alone. */
export const canTriage = (application: StaffApplication): boolean =>
  application.status === 'submitted' ||
  (application.triage?.automatic === true &&
    ['accepted', 'declined', 'referred'].includes(application.status));

function about(context: PageContext, application: StaffApplication): Html {
  const d = application.details ?? {};
  const row = (key: string, value: string | Html | undefined) =>
    when(
      value !== undefined && value !== '',
      html`<dt>${t(context, key)}</dt>
        <dd>${value ?? ''}</dd>`,
    );
  const needs = (d.needs ?? []).map((n) => codeLabel(context, 'need', n)).join(', ');
  return html`<dl>
    ${row('triage.submitted', timeOf(context.language, application.submittedAt))}
    ${row('case.email', d.contact?.email)} ${row('case.phone', d.contact?.phone)}
    ${row('case.municipality', d.municipality && municipalityLabel(d.municipality))}
    ${row('case.language', languageName(context, d.language))} ${row('case.idea', d.idea)}
    ${row('triage.field.sector', d.sector && codeLabel(context, 'sector', d.sector))}
    ${row('triage.field.focusArea', d.focusArea && codeLabel(context, 'focus', d.focusArea))}
    ${row('triage.field.stage', d.stage && codeLabel(context, 'stage', d.stage))}
    ${row('triage.field.organisationForm', d.organisationForm && codeLabel(context, 'form', d.organisationForm))}
    ${row('triage.field.organisationNumber', d.organisationNumber)}
    ${row('triage.field.needs', needs)}
    ${row('triage.field.referralSource', d.referralSource && codeLabel(context, 'referral', d.referralSource))}
  </dl>`;
}

/** What the pre-triage found, and what has been decided so far. */
function findingsAndDecision(context: PageContext, application: StaffApplication): Html {
  const findings = application.findings ?? [];
  const triage = application.triage;
  return html`<h2>${t(context, 'triage.findings')}</h2>
    ${
      findings.length === 0
        ? html`<p>${t(context, 'triage.noFindings')}</p>`
        : html`<ul>
            ${findings.map((f) => html`<li>${codeLabel(context, 'triage.reason', f.code)}</li>`)}
          </ul>`
    }
    ${when(
      triage !== undefined,
      html`<h2>${t(context, 'triage.decided')}</h2>
        <p>
          ${codeLabel(context, 'triage.decision', triage?.decision ?? '')}
          ${triage?.automatic ? t(context, 'triage.byPreTriage') : ''}
          ${triage?.referredToText ? html`– ${triage.referredToText}` : ''}
        </p>
        <ul>
          ${(triage?.reasons ?? []).map((r) => html`<li>${r.text}</li>`)}
        </ul>`,
    )}`;
}

function triageForm(context: PageContext, view: TriageView): Html {
  const values = view.values ?? { reasonCodes: [] };
  const problems: FormProblem[] = (view.problems ?? []).map((field) => ({
    field,
    target: field === 'referredTo' ? 'referredTo' : `${field}-0`,
    message: t(context, `triage.error.${field}`),
  }));
  const reasonsInvalid = problems.some((p) => p.field === 'reasonCodes');
  return html`<h2 id="decide-heading">${t(context, 'triage.decide')}</h2>
    ${errorSummary(context, problems)}
    ${when(view.refusal !== undefined, html`<p class="error" role="alert">${t(context, view.refusal ?? '')}</p>`)}
    <form method="post" action="/staff/applications/${view.application.applicationId}" novalidate>
      ${radioGroup({
        problems,
        name: 'decision',
        legend: t(context, 'triage.decision'),
        choices: triageDecisions.map((d) => ({
          value: d,
          label: t(context, `triage.decision.${d}`),
        })),
        chosen: values.decision,
      })}
      <fieldset ${reasonsInvalid ? html`aria-describedby="reasonCodes-error"` : ''}>
        <legend>${t(context, 'triage.reasons')}</legend>
        <p class="hint">${t(context, 'triage.reasons.hint')}</p>
        ${fieldError(problems, 'reasonCodes')}
        ${TRIAGE_REASONS.map(
          (code, index) =>
            html`<div>
              <input
                type="checkbox"
                id="reasonCodes-${index}"
                name="reasonCodes"
                value="${code}"
                ${values.reasonCodes.includes(code) ? html`checked` : ''}
              />
              <label for="reasonCodes-${index}">${t(context, `triage.reason.${code}`)}</label>
            </div>`,
        )}
      </fieldset>
      <label for="referredTo">${t(context, 'triage.referredTo')}</label>
      <p class="hint" id="referredTo-hint">${t(context, 'triage.referredTo.hint')}</p>
      ${fieldError(problems, 'referredTo')}
      <select
        id="referredTo"
        name="referredTo"
        aria-describedby="referredTo-hint${problems.some((p) => p.field === 'referredTo') ? ' referredTo-error' : ''}"
        ${problems.some((p) => p.field === 'referredTo') ? html`aria-invalid="true"` : ''}
      >
        <option value="">${t(context, 'triage.referredTo.none')}</option>
        ${partnerCategories.map(
          (p) =>
            html`<option value="${p}" ${values.referredTo === p ? html`selected` : ''}>
              ${t(context, `partner.${p}`)}
            </option>`,
        )}
      </select>
      <div><button type="submit">${t(context, 'triage.submit')}</button></div>
    </form>`;
}

/** One application as a counsellor reads it before deciding, and the decision's form. */
export function triagePage(context: PageContext, view: TriageView): string {
  const { application } = view;
  const name = application.details?.contact?.name ?? application.applicationId;
  return page(
    context,
    t(context, 'triage.title', { name }),
    html`<p><a href="/staff/board">${t(context, 'case.back')}</a></p>
      <p>
        ${t(context, 'triage.status')}:
        <strong id="application-status">${codeLabel(context, 'board', application.status)}</strong>
      </p>
      ${about(context, application)} ${findingsAndDecision(context, application)}
      ${canTriage(application) ? triageForm(context, view) : html`<p>${t(context, 'triage.closed')}</p>`}`,
  );
}
