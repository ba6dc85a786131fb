import { html, type Html } from '../html';
import { page, t, type PageContext } from '../layout';
import { municipalityLabel } from '../municipalities';
import type { TeamMember } from '../staff/team';
import { timeOf, when } from './staff-format';

const ROLES = ['counsellor', 'lead', 'analyst', 'admin'];
const COLUMNS = ['submitted', 'accepted', 'referred', 'declined', 'withdrawn'];
export const CASE_STAGES = [
  'awaiting-first-meeting',
  'first-meeting-booked',
  'in-guidance',
  'company-registered',
];

export interface BoardItem {
  applicationId: string;
  status: string;
  name: string;
  municipality: string;
  submittedAt: string;
}

export interface CaseCard {
  founderId: string;
  name: string;
  stage: string;
  counsellorName?: string;
  nextAppointment?: { startsAt: string; kind: string };
  overdue: string[];
}

export interface SignInForm {
  team: TeamMember[] | undefined;
  error?: string;
}

/** The staff id: one of counselling's team, or nobody for roles that are not counsellors. */
function staffIdField(context: PageContext, form: SignInForm): Html {
  const error =
    form.error === undefined
      ? ''
      : html`<p class="error" id="staffId-error">${t(context, form.error)}</p>`;
  const described = `staffId-hint${form.error === undefined ? '' : ' staffId-error'}`;
  const invalid = form.error === undefined ? '' : html`aria-invalid="true"`;
  if (form.team === undefined) {
    return html`<label for="staffId">${t(context, 'staff.signIn.staffId')}</label>
      <p class="hint" id="staffId-hint">${t(context, 'staff.signIn.noTeam')}</p>
      ${error}
      <input
        id="staffId"
        name="staffId"
        required
        value="${crypto.randomUUID()}"
        aria-describedby="${described}"
        ${invalid}
      />`;
  }
  return html`<label for="staffId">${t(context, 'staff.signIn.who')}</label>
    <p class="hint" id="staffId-hint">${t(context, 'staff.signIn.whoHint')}</p>
    ${error}
    <select id="staffId" name="staffId" aria-describedby="${described}" ${invalid}>
      ${form.team.map((m) => html`<option value="${m.counsellorId}">${m.name}</option>`)}
      <option value="">${t(context, 'staff.signIn.notCounsellor')}</option>
    </select>`;
}

export function signInPage(context: PageContext, form: SignInForm = { team: undefined }): string {
  return page(
    context,
    t(context, 'staff.signIn.title'),
    html`<p>${t(context, 'staff.signIn.intro')}</p>
      <p>${t(context, 'staff.signIn.production')}</p>
      ${when(
        form.error !== undefined,
        html`<div class="error-summary" role="alert" id="error-summary">
          <h2>${t(context, 'apply.errors')}</h2>
          <ul>
            <li><a href="#staffId">${t(context, form.error ?? '')}</a></li>
          </ul>
        </div>`,
      )}
      <form method="post" action="/staff/sign-in" novalidate>
        <label for="role">${t(context, 'staff.signIn.role')}</label>
        <select id="role" name="role">
          ${ROLES.map((r) => html`<option value="${r}">${t(context, `role.${r}`)}</option>`)}
        </select>
        ${staffIdField(context, form)}
        <button type="submit">${t(context, 'staff.signIn.submit')}</button>
      </form>`,
  );
}

function caseCard(context: PageContext, card: CaseCard): Html {
  const next = card.nextAppointment;
  return html`<li>
    <a href="/staff/founders/${card.founderId}"><strong>${card.name}</strong></a>
    ${when(card.counsellorName !== undefined, html`<br />${t(context, 'board.counsellor')}: ${card.counsellorName ?? ''}`)}
    <br />${
      next === undefined
        ? t(context, 'board.noAppointment')
        : html`${t(context, 'board.next')}: ${t(context, `case.kind.${next.kind}`)},
          ${timeOf(context.language, next.startsAt)}`
    }
    ${when(
      card.overdue.length > 0,
      html`<ul class="overdue">
        ${card.overdue.map((code) => html`<li class="error">${t(context, `board.overdue.${code}`)}</li>`)}
      </ul>`,
    )}
  </li>`;
}

function casesSection(
  context: PageContext,
  cards: CaseCard[] | undefined,
  everyone: boolean,
): Html {
  const heading = t(context, everyone ? 'board.allCases' : 'board.myCases');
  if (cards === undefined) {
    return html`<h2 id="cases-heading">${heading}</h2>
      <p class="error" role="status">${t(context, 'board.casesUnavailable')}</p>`;
  }
  const column = (stage: string) => {
    const inStage = cards.filter((card) => card.stage === stage);
    return html`<section aria-labelledby="stage-${stage}">
      <h3 id="stage-${stage}">${t(context, `board.stage.${stage}`)} (${inStage.length})</h3>
      ${
        inStage.length === 0
          ? html`<p>${t(context, 'board.empty')}</p>`
          : html`<ul>
              ${inStage.map((card) => caseCard(context, card))}
            </ul>`
      }
    </section>`;
  };
  // Headings group the board; only the columns are regions (one per stage, as screen readers list them).
  return html`<h2 id="cases-heading">${heading} (${cards.length})</h2>
    <div class="board">${CASE_STAGES.map(column)}</div>`;
}

function applicationCard(context: PageContext, card: BoardItem, status: string): Html {
  return html`<li>
    <a
      href="/staff/applications/${card.applicationId}"
      aria-label="${t(context, 'board.open', { name: card.name })}"
      ><strong>${card.name}</strong></a
    >, ${municipalityLabel(card.municipality)}
    ${when(
      status === 'submitted',
      html`<form method="post" action="/staff/applications/${card.applicationId}/accept">
        <button type="submit" aria-label="${t(context, 'board.accept')}: ${card.name}">
          ${t(context, 'board.accept')}
        </button>
      </form>`,
    )}
  </li>`;
}

function applicationsSection(context: PageContext, items: BoardItem[]): Html {
  const column = (status: string) => {
    const cards = items.filter((item) => item.status === status);
    return html`<section aria-labelledby="col-${status}">
      <h3 id="col-${status}">${t(context, `board.${status}`)} (${cards.length})</h3>
      ${
        cards.length === 0
          ? html`<p>${t(context, 'board.empty')}</p>`
          : html`<ul>
              ${cards.map((card) => applicationCard(context, card, status))}
            </ul>`
      }
    </section>`;
  };
  return html`<h2 id="applications-heading">${t(context, 'board.applications')}</h2>
    <div class="board">${COLUMNS.map(column)}</div>`;
}

export interface BoardView {
  items: BoardItem[];
  cases: CaseCard[] | undefined;
  everyone: boolean;
  notice?: string;
}

/** The caseload board: the cases by stage, then intake's applications by status. */
export function boardPage(context: PageContext, view: BoardView): string {
  return page(
    context,
    t(context, 'board.pageTitle'),
    html`${when(view.notice !== undefined, html`<p role="status" class="notice">${t(context, view.notice ?? '')}</p>`)}
    ${when(view.everyone, html`<p><a href="/staff/team">${t(context, 'lead.link')}</a></p>`)}
    ${casesSection(context, view.cases, view.everyone)} ${applicationsSection(context, view.items)}`,
  );
}
