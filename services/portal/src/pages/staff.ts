import { html } from '../html';
import { page, t, type PageContext } from '../layout';

const ROLES = ['counsellor', 'lead', 'analyst', 'admin'];
const COLUMNS = ['submitted', 'accepted', 'referred', 'declined', 'withdrawn'];

export interface BoardItem {
  applicationId: string;
  status: string;
  name: string;
  municipality: string;
  submittedAt: string;
}

export function signInPage(context: PageContext): string {
  return page(
    context,
    t(context, 'staff.signIn.title'),
    html`<p>${t(context, 'staff.signIn.intro')}</p>
      <form method="post" action="/staff/sign-in">
        <label for="staffId">${t(context, 'staff.signIn.staffId')}</label>
        <input id="staffId" name="staffId" required value="${crypto.randomUUID()}" />
        <label for="role">${t(context, 'staff.signIn.role')}</label>
        <select id="role" name="role">
          ${ROLES.map((r) => html`<option value="${r}">${t(context, `role.${r}`)}</option>`)}
        </select>
        <button type="submit">${t(context, 'staff.signIn.submit')}</button>
      </form>`,
  );
}

/** The caseload board: one column per stage of the application. */
export function boardPage(context: PageContext, items: BoardItem[]): string {
  const column = (status: string) => {
    const cards = items.filter((item) => item.status === status);
    return html`<section aria-labelledby="col-${status}">
      <h2 id="col-${status}">${t(context, `board.${status}`)} (${cards.length})</h2>
      ${
        cards.length === 0
          ? html`<p>${t(context, 'board.empty')}</p>`
          : html`<ul>
              ${cards.map(
                (card) =>
                  html`<li>
                    <strong>${card.name}</strong>, ${card.municipality}
                    ${
                      status === 'submitted'
                        ? html`<form
                            method="post"
                            action="/staff/applications/${card.applicationId}/accept"
                          >
                            <button
                              type="submit"
                              aria-label="${t(context, 'board.accept')}: ${card.name}"
                            >
                              ${t(context, 'board.accept')}
                            </button>
                          </form>`
                        : ''
                    }
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  };
  return page(
    context,
    t(context, 'board.title'),
    html`<div class="board">${COLUMNS.map(column)}</div>`,
  );
}
