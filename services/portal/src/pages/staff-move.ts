import { html } from '../html';
import { page, t, type PageContext } from '../layout';
import type { AppointmentView, FounderCaseData } from '../staff/founder-data';
import { codeLabel, timeOf, when, whenText } from './staff-format';

export interface MoveView {
  founderId: string;
  appointment: AppointmentView;
  /** Free times of the session's kind; undefined when counselling could not say. */
  slots: FounderCaseData['slots'];
  /** counselling's refusal of the move, as a catalogue key. */
  refusal?: string | undefined;
}

/** Moving a booked session to another free time of the same kind (its mode stays). */
export function staffMovePage(context: PageContext, view: MoveView): string {
  const { appointment, founderId } = view;
  const slots = (view.slots ?? []).filter((s) => s.startsAt !== appointment.startsAt);
  const kind = codeLabel(context, 'case.kind', appointment.kind);
  const back = `/staff/founders/${founderId}#session-${appointment.appointmentId}`;
  const tie =
    view.refusal === undefined ? '' : html`aria-describedby="move-error" aria-invalid="true"`;
  const choice =
    view.slots === undefined
      ? html`<p class="error">${t(context, 'case.book.noSlots')}</p>`
      : slots.length === 0
        ? html`<p>${t(context, 'case.book.none')}</p>`
        : html`<label for="move">${t(context, 'case.move.to')}</label>
            <select id="move" name="startsAt" ${tie}>
              ${slots.map((s) => html`<option value="${s.startsAt}">${whenText(context.language, s.startsAt)}</option>`)}
            </select>`;
  return page(
    context,
    t(context, 'case.move.title'),
    html`<p>${kind}, ${timeOf(context.language, appointment.startsAt)}</p>
      ${when(view.refusal !== undefined, html`<p class="error" id="move-error" role="alert">${t(context, view.refusal ?? '')}</p>`)}
      <form
        method="post"
        action="/staff/founders/${founderId}/sessions/${appointment.appointmentId}/move"
      >
        ${choice}
        <button type="submit" ${when(slots.length === 0, html`disabled`)}>
          ${t(context, 'case.move.submit')}
        </button>
      </form>
      <p><a href="${back}">${t(context, 'case.move.back')}</a></p>`,
  );
}
