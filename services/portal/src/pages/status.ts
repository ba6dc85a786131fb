import { html } from '../html';
import { page, t, type PageContext } from '../layout';

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
  new Intl.DateTimeFormat(language, {
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

export function statusPage(context: PageContext, view: StatusView | undefined): string {
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
    html` <dl>
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
      <h2>${t(context, 'status.timeline')}</h2>
      <ol>
        <li>
          ${date(view.submittedAt, context.language)}: ${t(context, 'status.event.submitted')}
        </li>
        ${triage ? html`<li>${date(triage.decidedAt, context.language)}: ${t(context, 'status.event.decided')}</li>` : ''}
      </ol>`,
  );
}
