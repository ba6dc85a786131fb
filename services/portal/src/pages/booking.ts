import type { AppointmentView } from '../founder-api';
import { html, type Html } from '../html';
import { page, t, type PageContext } from '../layout';
import { formatDateTime, type SlotDay } from '../oslo-time';
import { errorSummary, fieldError, radioGroup, type FormProblem } from './form-parts';

export const KINDS = ['first-meeting', 'follow-up', 'business-plan-review'] as const;
export const MODES = ['video', 'phone', 'in-person'] as const;
export const CANCEL_REASONS = [
  'founder-cannot-attend',
  'founder-no-longer-needed',
  'founder-other',
] as const;

export interface SlotPickerView {
  /** 'book' a new session, or 'move' an existing one (its kind and mode stay). */
  purpose: 'book' | 'move';
  action: string;
  backHref: string;
  token: string;
  kind: string;
  days: SlotDay[] | 'no-counsellor' | 'unavailable';
  current?: AppointmentView | undefined;
  problems: FormProblem[];
  chosen: { slot?: string | undefined; mode?: string | undefined };
}

/** A GET form: which kind of session to show free times for (it changes their length). */
function kindChooser(context: PageContext, view: SlotPickerView): Html {
  return html`<form method="get" action="${view.action}">
    <input type="hidden" name="token" value="${view.token}" />
    ${radioGroup({
      problems: [],
      name: 'kind',
      legend: t(context, 'booking.kind.legend'),
      choices: KINDS.map((kind) => ({ value: kind, label: t(context, `booking.kind.${kind}`) })),
      chosen: view.kind,
    })}
    <button type="submit" class="secondary">${t(context, 'booking.showTimes')}</button>
  </form>`;
}

/** Free times as radio buttons, one fieldset per Oslo day, inside the group of all times. */
function slotChooser(context: PageContext, view: SlotPickerView, days: SlotDay[]): Html {
  const invalid = view.problems.some((p) => p.field === 'slot');
  return html`<fieldset ${invalid ? html`aria-describedby="slot-error"` : ''}>
    <legend>${t(context, 'booking.slots.legend')}</legend>
    ${fieldError(view.problems, 'slot')}
    ${days.map(
      (day, d) =>
        html`<fieldset class="day">
          <legend>${day.label}</legend>
          ${day.slots.map(
            (slot, i) =>
              html`<span class="slot">
                <input
                  type="radio"
                  id="slot-${d}-${i}"
                  name="slot"
                  value="${slot.startsAt}"
                  ${view.chosen.slot === slot.startsAt ? html`checked` : ''}
                />
                <label for="slot-${d}-${i}">${slot.label}</label>
              </span>`,
          )}
        </fieldset>`,
    )}
  </fieldset>`;
}

function pickerBody(context: PageContext, view: SlotPickerView): Html {
  if (view.days === 'no-counsellor')
    return html`<p>${t(context, 'status.sessions.noCounsellor')}</p>`;
  if (view.days === 'unavailable') return html`<p>${t(context, 'booking.unavailable')}</p>`;
  if (view.days.length === 0) return html`<p id="no-slots">${t(context, 'booking.noSlots')}</p>`;
  const submit = view.purpose === 'book' ? 'booking.submit' : 'booking.moveSubmit';
  return html`<form
    method="post"
    action="${view.action}?token=${encodeURIComponent(view.token)}${view.purpose === 'book' ? `&kind=${view.kind}` : ''}"
    novalidate
  >
    ${slotChooser(context, view, view.days)}
    ${
      view.purpose === 'book'
        ? radioGroup({
            problems: view.problems,
            name: 'mode',
            legend: t(context, 'booking.mode.legend'),
            choices: MODES.map((mode) => ({
              value: mode,
              label: t(context, `booking.mode.${mode}`),
            })),
            chosen: view.chosen.mode,
          })
        : ''
    }
    <button type="submit">${t(context, submit)}</button>
  </form>`;
}

export function slotPickerPage(context: PageContext, view: SlotPickerView): string {
  const title = t(context, view.purpose === 'book' ? 'booking.title' : 'booking.moveTitle');
  const current = view.current;
  return page(
    context,
    title,
    html`${errorSummary(context, view.problems)}
      ${
        current
          ? html`<p id="current-session">
              ${t(context, 'booking.current', {
                time: formatDateTime(current.startsAt, context.language),
                kind: t(context, `booking.kind.${current.kind}`),
              })}
            </p>`
          : ''
      }
      <p>${t(context, 'booking.intro')}</p>
      ${view.purpose === 'book' ? kindChooser(context, view) : ''} ${pickerBody(context, view)}
      <p><a href="${view.backHref}">${t(context, 'booking.back')}</a></p>`,
  );
}

export interface CancelView {
  action: string;
  backHref: string;
  appointment: AppointmentView;
  problems: FormProblem[];
  chosen?: string | undefined;
}

export function cancelPage(context: PageContext, view: CancelView): string {
  return page(
    context,
    t(context, 'booking.cancelTitle'),
    html`${errorSummary(context, view.problems)}
      <p>
        ${t(context, 'booking.cancel.intro', {
          time: formatDateTime(view.appointment.startsAt, context.language),
        })}
      </p>
      <form method="post" action="${view.action}" novalidate>
        ${radioGroup({
          problems: view.problems,
          name: 'reason',
          legend: t(context, 'booking.cancel.legend'),
          choices: CANCEL_REASONS.map((reason) => ({
            value: reason,
            label: t(context, `booking.cancel.reason.${reason}`),
          })),
          chosen: view.chosen,
        })}
        <button type="submit">${t(context, 'booking.cancel.submit')}</button>
      </form>
      <p><a href="${view.backHref}">${t(context, 'booking.back')}</a></p>`,
  );
}

/** A page for a session or link that cannot be opened. */
export function sessionMissingPage(context: PageContext, backHref?: string): string {
  return page(
    context,
    t(context, 'booking.title'),
    html`<p class="error" role="alert">${t(context, 'booking.missing')}</p>
      ${backHref ? html`<p><a href="${backHref}">${t(context, 'booking.back')}</a></p>` : ''}`,
  );
}
