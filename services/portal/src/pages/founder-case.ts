import { html, type Html } from '../html';
import { page, t, type PageContext } from '../layout';
import type { AppointmentView, FounderCaseData } from '../staff/founder-data';
import { namesOf } from '../staff/team';
import { founderTimeline, type TimelineEntry } from '../staff/timeline';
import {
  bookingForms,
  closeForm,
  reassignForm,
  sessionForms,
  type FormProblem,
  type FormsView,
} from './founder-case-forms';
import { municipalityLabel } from '../municipalities';
import { codeLabel as label, languageName, timeOf, when } from './staff-format';

export interface FounderPageView {
  data: FounderCaseData;
  lead: boolean;
  problem?: FormProblem | undefined;
  notice?: string | undefined;
}

function about(context: PageContext, data: FounderCaseData): Html {
  const details = data.applications[0]?.details ?? {};
  const row = (key: string, value: string | undefined) =>
    when(
      value !== undefined && value !== '',
      html`<dt>${t(context, key)}</dt>
        <dd>${value ?? ''}</dd>`,
    );
  const names = namesOf(data.team);
  return html`<section aria-labelledby="about-heading">
    <h2 id="about-heading">${t(context, 'case.about')}</h2>
    <dl>
      ${row('case.email', details.contact?.email)} ${row('case.phone', details.contact?.phone)}
      ${row('case.municipality', details.municipality === undefined ? undefined : municipalityLabel(details.municipality))}
      ${row('case.language', languageName(context, details.language))}
      ${row('case.idea', details.idea)}
      ${row('case.counsellor', names.get(data.case.counsellorId) ?? data.case.counsellorId)}
      ${row('case.why', data.case.reason)}
      ${row('case.journeyStage', data.journey === undefined ? t(context, 'case.noJourney') : label(context, 'case.stage', data.journey.stage))}
    </dl>
  </section>`;
}

function entryText(context: PageContext, entry: TimelineEntry, names: Map<string, string>): string {
  const p = entry.params;
  const params: Record<string, string> = {
    decision: label(context, 'case.decision', p.decision ?? ''),
    kind: label(context, 'case.kind', p.kind ?? ''),
    milestone: label(context, 'case.milestone', p.milestone ?? ''),
    stage: label(context, 'case.stage', p.stage ?? ''),
    counsellor: names.get(p.counsellorId ?? '') ?? p.counsellorId ?? '',
    reason: label(context, 'case.reason', p.reasonCode ?? ''),
  };
  return t(context, entry.key, params);
}

function timeline(context: PageContext, data: FounderCaseData): Html {
  const entries = founderTimeline({
    applications: data.applications,
    assignments: data.case.history,
    sessions: data.appointments,
    stages: data.journey?.timeline ?? [],
  });
  const names = namesOf(data.team);
  return html`<section aria-labelledby="timeline-heading">
    <h2 id="timeline-heading">${t(context, 'case.timeline')}</h2>
    <ol class="timeline">
      ${entries.map((e) => html`<li data-source="${e.source}">${timeOf(context.language, e.at)}: ${entryText(context, e, names)}</li>`)}
    </ol>
  </section>`;
}

function session(view: FormsView, appointment: AppointmentView): Html {
  const { context } = view;
  const title = `${label(context, 'case.kind', appointment.kind)} (${label(context, 'case.mode', appointment.mode)})`;
  const id = appointment.appointmentId;
  return html`<li id="session-${id}">
    <h3>${title}, ${timeOf(context.language, appointment.startsAt)}</h3>
    <p>
      ${t(context, 'case.status')}:
      <span data-status="${appointment.status}"
        >${label(context, 'case.status', appointment.status)}</span
      >
      ${when(!appointment.confirmed, html` – ${t(context, 'case.unconfirmed')}`)}
    </p>
    ${when(appointment.milestones.length > 0, html`<p>${t(context, 'case.complete.milestones')}: ${appointment.milestones.map((m) => label(context, 'case.milestone', m)).join(', ')}</p>`)}
    ${when(
      appointment.notes !== undefined && appointment.notes !== '',
      html`<h4>${t(context, 'case.notes')}</h4>
        <p class="notes">${appointment.notes ?? ''}</p>`,
    )}
    ${when(appointment.status === 'booked', sessionForms(view, appointment))}
  </li>`;
}

function sessions(view: FormsView, data: FounderCaseData): Html {
  const { context } = view;
  const list = [...data.appointments].sort(
    (a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt),
  );
  return html`<section aria-labelledby="sessions-heading">
    <h2 id="sessions-heading">${t(context, 'case.sessions')} (${list.length})</h2>
    <p class="hint">${t(context, 'case.notesPrivate')}</p>
    ${
      list.length === 0
        ? html`<p>${t(context, 'case.noSessions')}</p>`
        : html`<ul class="sessions">
            ${list.map((a) => session(view, a))}
          </ul>`
    }
  </section>`;
}

function messages(context: PageContext, view: FounderPageView): Html {
  const problem = view.problem;
  return html`${when(view.notice !== undefined, html`<p role="status" class="notice" id="notice">${t(context, view.notice ?? '')}</p>`)}
  ${when(
    problem !== undefined,
    html`<div class="error-summary" role="alert" id="error-summary">
      <h2>${t(context, 'case.problem')}</h2>
      <ul>
        <li><a href="#${problem?.form ?? ''}">${t(context, problem?.key ?? '')}</a></li>
      </ul>
    </div>`,
  )}`;
}

/** A founder's page for their counsellor (and leads): who, the timeline, sessions, booking. */
export function founderCasePage(context: PageContext, view: FounderPageView): string {
  const { data } = view;
  const name = data.applications[0]?.details?.contact?.name ?? data.case.founderId;
  const forms: FormsView = {
    context,
    founderId: data.case.founderId,
    problem: view.problem,
    now: new Date(),
  };
  return page(
    context,
    name,
    html`<p><a href="/staff/board">${t(context, 'case.back')}</a></p>
      ${messages(context, view)} ${about(context, data)} ${bookingForms(forms, data)}
      ${sessions(forms, data)} ${timeline(context, data)}
      ${when(view.lead, reassignForm(forms, data))} ${closeForm(forms)}`,
  );
}

/** counselling's 404 (someone else's case, or none): said plainly, with the way back. */
export function notYourCasePage(context: PageContext, key: string): string {
  return page(
    context,
    t(context, 'case.unavailableTitle'),
    html`<p class="error" role="alert">${t(context, key)}</p>
      <p><a href="/staff/board">${t(context, 'case.back')}</a></p>`,
  );
}
