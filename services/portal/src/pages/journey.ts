import type { AppointmentView, JourneyView } from '../founder-api';
import { html, type Html } from '../html';
import { t, type PageContext } from '../layout';
import { formatDateTime } from '../oslo-time';

export interface FounderSections {
  journey: JourneyView | 'none' | 'unavailable';
  appointments: AppointmentView[] | 'no-counsellor' | 'unavailable';
  /** Links on this page carry the founder's token. */
  href: (path: string) => string;
  notice?: string | undefined;
  now: Date;
}

const FINISHED_STAGES = ['declined', 'withdrawn', 'closed'];
const FINISHED_STATUSES = ['declined', 'referred', 'withdrawn', 'erased'];

/** Whether this application will not (or no longer) get sessions: say so, not "not yet". */
export const hasEnded = (applicationStatus: string, journey: FounderSections['journey']) =>
  FINISHED_STATUSES.includes(applicationStatus) ||
  (typeof journey === 'object' && FINISHED_STAGES.includes(journey.stage));

const stageText = (context: PageContext, stage: string) => t(context, `journey.stage.${stage}`);

/** " (why)" after a stage; a reason the catalogue has no words for is left out, not shown as a code. */
function reasonText(context: PageContext, reasonCode: string | undefined): string {
  if (!reasonCode) return '';
  const key = `journey.reason.${reasonCode}`;
  const text = t(context, key);
  return text === key ? '' : ` (${text})`;
}

/** The journey's stages from Temporal, oldest first, with the current one marked. */
export function journeySection(context: PageContext, journey: FounderSections['journey']): Html {
  const body =
    journey === 'none'
      ? html`<p>${t(context, 'status.journey.none')}</p>`
      : journey === 'unavailable'
        ? html`<p>${t(context, 'status.journey.unavailable')}</p>`
        : html`<p id="journey-stage">
              ${t(context, 'journey.current', { stage: stageText(context, journey.stage) })}
            </p>
            <ol id="journey">
              ${journey.timeline.map(
                (entry, index) =>
                  html`<li
                    data-stage="${entry.stage}"
                    ${index === journey.timeline.length - 1 ? html`aria-current="step"` : ''}
                  >
                    <time datetime="${entry.at}">${formatDateTime(entry.at, context.language)}</time
                    >: ${stageText(context, entry.stage)}${reasonText(context, entry.reasonCode)}
                  </li>`,
              )}
            </ol>`;
  return html`<section aria-labelledby="journey-title">
    <h2 id="journey-title">${t(context, 'status.journey.title')}</h2>
    ${body}
  </section>`;
}

function appointmentItem(context: PageContext, a: AppointmentView, view: FounderSections): Html {
  const when = formatDateTime(a.startsAt, context.language);
  const changeable = a.status === 'booked' && Date.parse(a.startsAt) > view.now.getTime();
  return html`<li data-appointment="${a.appointmentId}">
    <strong>${when}</strong>: ${t(context, `booking.kind.${a.kind}`)},
    ${t(context, `booking.mode.${a.mode}`)} –
    <span class="appointment-status">${t(context, `booking.status.${a.status}`)}</span>
    ${
      changeable
        ? html`<a
              href="${view.href(`/sessions/${a.appointmentId}/move`)}"
              aria-label="${t(context, 'status.sessions.moveLabel', { time: when })}"
              >${t(context, 'status.sessions.move')}</a
            >
            <a
              href="${view.href(`/sessions/${a.appointmentId}/cancel`)}"
              aria-label="${t(context, 'status.sessions.cancelLabel', { time: when })}"
              >${t(context, 'status.sessions.cancel')}</a
            >`
        : ''
    }
  </li>`;
}

/** The founder's sessions with their counsellor, and booking once a counsellor is assigned. */
export function sessionsSection(context: PageContext, view: FounderSections, ended = false): Html {
  const list = view.appointments;
  let body: Html;
  if (list === 'no-counsellor' && ended) {
    body = html`<p id="no-counsellor">${t(context, 'status.sessions.ended')}</p>`;
  } else if (list === 'no-counsellor') {
    body = html`<p id="no-counsellor">${t(context, 'status.sessions.noCounsellor')}</p>`;
  } else if (list === 'unavailable') {
    body = html`<p>${t(context, 'status.sessions.unavailable')}</p>`;
  } else {
    const sorted = [...list].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    body = html`${
        sorted.length === 0
          ? html`<p>${t(context, 'status.sessions.none')}</p>`
          : html`<ul id="sessions">
              ${sorted.map((a) => appointmentItem(context, a, view))}
            </ul>`
      }
      <p><a href="${view.href('/book')}">${t(context, 'status.sessions.book')}</a></p>`;
  }
  return html`<section aria-labelledby="sessions-title">
    <h2 id="sessions-title">${t(context, 'status.sessions.title')}</h2>
    ${body}
  </section>`;
}

/** After a change: what happened, announced to screen readers. */
export function noticeOf(context: PageContext, notice: string | undefined): Html {
  if (notice !== 'booked' && notice !== 'moved' && notice !== 'cancelled') return html``;
  return html`<p class="notice" role="status" id="notice">
    ${t(context, `status.notice.${notice}`)}
  </p>`;
}
