import { html } from '../html';
import { page, t, type PageContext } from '../layout';
import { intlLocale } from '../oslo-time';
import { journeySection, noticeOf, sessionsSection, type FounderSections } from './journey';

export interface StatusView {
  applicationId: string;
  status: string;
  statusText: string;
  submittedAt: string;
  triage?: {
    reasons: Array<{ code: string; text: string }>;
    referredToText?: string;
    decidedAt: string;
  };
}

const date = (iso: string, language: string) =>
  new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(new Date(iso));

export function confirmPage(context: PageContext, statusPath: string): string {
  return page(
    context,
    t(context, 'confirm.title'),
    html`<p>${t(context, 'confirm.link')}</p>
      <p><a href="${statusPath}">${t(context, 'confirm.open')}</a></p>`,
  );
}

export function statusPage(
  context: PageContext,
  view: StatusView | undefined,
  sections?: FounderSections,
): string {
  if (view === undefined) {
    return page(
      context,
      t(context, 'status.title'),
      html`<p class="error" role="alert">${t(context, 'status.missing')}</p>`,
    );
  }
  const triage = view.triage;
  return page(
    context,
    t(context, 'status.title'),
    html`${sections ? noticeOf(context, sections.notice) : ''}
      <dl>
        <dt>${t(context, 'status.current')}</dt>
        <dd id="status">${view.statusText}</dd>
        <dt>${t(context, 'status.submitted')}</dt>
        <dd>${date(view.submittedAt, context.language)}</dd>
        ${
          triage?.referredToText
            ? html`<dt>${t(context, 'status.referredTo')}</dt>
                <dd>${triage.referredToText}</dd>`
            : ''
        }
      </dl>
      ${
        triage && triage.reasons.length > 0
          ? html`<h2>${t(context, 'status.reasons')}</h2>
              <ul>
                ${triage.reasons.map((r) => html`<li>${r.text}</li>`)}
              </ul>`
          : ''
      }
      ${
        // The journey from Temporal tells the whole story once there is one.
        sections !== undefined && typeof sections.journey === 'object'
          ? ''
          : html`<h2>${t(context, 'status.timeline')}</h2>
              <ol>
                <li>
                  ${date(view.submittedAt, context.language)}:
                  ${t(context, 'status.event.submitted')}
                </li>
                ${triage ? html`<li>${date(triage.decidedAt, context.language)}: ${t(context, 'status.event.decided')}</li>` : ''}
              </ol>`
      }
      ${sections ? journeySection(context, sections.journey) : ''}
      ${sections ? sessionsSection(context, sections) : ''}`,
  );
}
