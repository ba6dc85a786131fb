import { html, type Html } from '../html';
import { t, type PageContext } from '../layout';
import {
  KINDS,
  MILESTONES,
  CLOSE_REASONS,
  MODES,
  STAFF_CANCEL_REASONS,
  type AppointmentView,
  type FounderCaseData,
} from '../staff/founder-data';
import { timeOf, when, whenText } from './staff-format';

/** A refusal shown at the form it belongs to, tied to its first field. */
export interface FormProblem {
  form: string;
  key: string;
}

export interface FormsView {
  context: PageContext;
  founderId: string;
  problem: FormProblem | undefined;
  /** counselling takes an outcome only once the session has started; so do the forms. */
  now: Date;
}

/** The error paragraph of a form and the attributes that tie its first field to it. */
export function problemOf(
  view: FormsView,
  form: string,
): { message: Html | string; tie: Html | string } {
  if (view.problem?.form !== form) return { message: '', tie: '' };
  return {
    message: html`<p class="error" id="${form}-error">${t(view.context, view.problem.key)}</p>`,
    tie: html`aria-describedby="${form}-error" aria-invalid="true"`,
  };
}

function slotChoice(view: FormsView, slots: FounderCaseData['slots'], tie: Html | string): Html {
  const { context } = view;
  if (slots === undefined) return html`<p class="error">${t(context, 'case.book.noSlots')}</p>`;
  if (slots.length === 0) return html`<p>${t(context, 'case.book.none')}</p>`;
  return html`<label for="book">${t(context, 'case.book.slot')}</label>
    <select id="book" name="startsAt" ${tie}>
      ${slots.map((s) => html`<option value="${s.startsAt}">${whenText(context.language, s.startsAt)}</option>`)}
    </select>`;
}

/** Pick the kind (a GET form: the free times depend on its length), then a time and how. */
export function bookingForms(view: FormsView, data: FounderCaseData): Html {
  const { context, founderId } = view;
  const { message, tie } = problemOf(view, 'book');
  return html`<section aria-labelledby="book-heading">
    <h2 id="book-heading">${t(context, 'case.book.title')}</h2>
    <form method="get" action="/staff/founders/${founderId}#book-heading">
      <label for="kind">${t(context, 'case.book.kind')}</label>
      <select id="kind" name="kind">
        ${KINDS.map((k) => html`<option value="${k}" ${when(k === data.kind, html`selected`)}>${t(context, `case.kind.${k}`)}</option>`)}
      </select>
      <button type="submit">${t(context, 'case.book.showSlots')}</button>
    </form>
    <form method="post" action="/staff/founders/${founderId}/appointments">
      <input type="hidden" name="kind" value="${data.kind}" />
      <p>${t(context, 'case.book.for', { kind: t(context, `case.kind.${data.kind}`) })}</p>
      ${message} ${slotChoice(view, data.slots, tie)}
      <fieldset>
        <legend>${t(context, 'case.book.mode')}</legend>
        ${MODES.map(
          (m, i) =>
            html`<p>
              <input
                type="radio"
                id="mode-${m}"
                name="mode"
                value="${m}"
                ${when(i === 1, html`checked`)}
              />
              <label for="mode-${m}">${t(context, `case.mode.${m}`)}</label>
            </p>`,
        )}
      </fieldset>
      <fieldset>
        <legend>${t(context, 'case.book.allowance')}</legend>
        <input type="checkbox" id="beyondAllowance" name="beyondAllowance" value="yes" />
        <label for="beyondAllowance">${t(context, 'case.book.beyond')}</label>
      </fieldset>
      <button type="submit" ${when(!data.slots?.length, html`disabled`)}>
        ${t(context, 'case.book.submit')}
      </button>
    </form>
  </section>`;
}

/** A session still to come: a link to move it, and cancelling it with a reason. */
function changeForms(view: FormsView, appointment: AppointmentView, label: string): Html {
  const { context, founderId } = view;
  const id = appointment.appointmentId;
  const base = `/staff/founders/${founderId}/sessions/${id}`;
  return html`<p>
      <a href="${base}/move" aria-label="${t(context, 'case.move.link')}: ${label}"
        >${t(context, 'case.move.link')}</a
      >
    </p>
    <form method="post" action="${base}/cancel">
      <label for="cancel-${id}">${t(context, 'case.cancel.reason')}</label>
      <select id="cancel-${id}" name="reasonCode">
        ${STAFF_CANCEL_REASONS.map((r) => html`<option value="${r}">${t(context, `case.cancel.reason.${r}`)}</option>`)}
      </select>
      <button
        type="submit"
        class="secondary"
        aria-label="${t(context, 'case.cancel.submit')}: ${label}"
      >
        ${t(context, 'case.cancel.submit')}
      </button>
    </form>`;
}

/** Completing a session (private notes, milestones) or recording that the founder did not come. */
export function sessionForms(view: FormsView, appointment: AppointmentView): Html {
  const { context } = view;
  const id = appointment.appointmentId;
  const { message, tie } = problemOf(view, `notes-${id}`);
  const label = `${t(context, `case.kind.${appointment.kind}`)}, ${whenText(context.language, appointment.startsAt)}`;
  if (view.now.getTime() < Date.parse(appointment.startsAt)) {
    return html`${message}
      <p class="hint">
        ${t(context, 'case.complete.when')} ${timeOf(context.language, appointment.startsAt)}
      </p>
      ${changeForms(view, appointment, label)}`;
  }
  return html`${message}
    <form method="post" action="/staff/appointments/${id}/complete">
      <input type="hidden" name="founderId" value="${view.founderId}" />
      <label for="notes-${id}">${t(context, 'case.complete.notes')}</label>
      <p class="hint" id="notes-${id}-hint">${t(context, 'case.complete.notesHint')}</p>
      <textarea
        id="notes-${id}"
        name="notes"
        rows="4"
        cols="60"
        aria-describedby="notes-${id}-hint"
        ${tie}
      ></textarea>
      <fieldset>
        <legend>${t(context, 'case.complete.milestones')}</legend>
        ${MILESTONES.map(
          (m) =>
            html`<p>
              <input type="checkbox" id="m-${id}-${m}" name="milestones" value="${m}" />
              <label for="m-${id}-${m}">${t(context, `case.milestone.${m}`)}</label>
            </p>`,
        )}
      </fieldset>
      <button type="submit" aria-label="${t(context, 'case.complete.submit')}: ${label}">
        ${t(context, 'case.complete.submit')}
      </button>
    </form>
    <form method="post" action="/staff/appointments/${id}/no-show">
      <input type="hidden" name="founderId" value="${view.founderId}" />
      <button
        type="submit"
        class="secondary"
        aria-label="${t(context, 'case.noShow.submit')}: ${label}"
      >
        ${t(context, 'case.noShow.submit')}
      </button>
    </form>`;
}

/** For leads: move the case to a chosen counsellor, or let the assignment rule choose. */
export function reassignForm(view: FormsView, data: FounderCaseData): Html {
  const { context, founderId } = view;
  const { message, tie } = problemOf(view, 'counsellorId');
  const others = (data.team ?? []).filter((m) => m.counsellorId !== data.case.counsellorId);
  return html`<section aria-labelledby="reassign-heading">
    <h2 id="reassign-heading">${t(context, 'case.reassign.title')}</h2>
    <form method="post" action="/staff/founders/${founderId}/reassign">
      ${message}
      <label for="counsellorId">${t(context, 'case.reassign.to')}</label>
      <select id="counsellorId" name="counsellorId" ${tie}>
        <option value="">${t(context, 'case.reassign.rule')}</option>
        ${others.map((m) => html`<option value="${m.counsellorId}">${m.name}</option>`)}
      </select>
      <label for="note">${t(context, 'case.reassign.note')}</label>
      <textarea id="note" name="note" rows="2" cols="60" maxlength="500"></textarea>
      <button type="submit">${t(context, 'case.reassign.submit')}</button>
    </form>
  </section>`;
}

/** Closing the case: the founder's future sessions are cancelled and the journey ends. */
export function closeForm(view: FormsView): Html {
  const { context, founderId } = view;
  const { message, tie } = problemOf(view, 'closeReason');
  return html`<section aria-labelledby="close-heading">
    <h2 id="close-heading">${t(context, 'case.close.title')}</h2>
    <p class="hint" id="closeReason-hint">${t(context, 'case.close.hint')}</p>
    <form method="post" action="/staff/founders/${founderId}/close">
      ${message}
      <label for="closeReason">${t(context, 'case.close.reason')}</label>
      <select
        id="closeReason"
        name="reasonCode"
        ${tie || html`aria-describedby="closeReason-hint"`}
      >
        ${CLOSE_REASONS.map((r) => html`<option value="${r}">${t(context, `case.close.reason.${r}`)}</option>`)}
      </select>
      <button type="submit">${t(context, 'case.close.submit')}</button>
    </form>
  </section>`;
}
