import { html } from '../html';
import { page, t, type PageContext } from '../layout';

export type Problem = 'notFound' | 'badRequest' | 'unavailable';

/** The status each problem page is sent with. */
export const PROBLEM_STATUS: Readonly<Record<Problem, number>> = {
  notFound: 404,
  badRequest: 400,
  unavailable: 502,
};

/**
 * What went wrong, in the page language and inside the portal's layout (menu, language switch),
 * so nobody lands on a bare browser text page they cannot find their way back from.
 */
export function problemPage(context: PageContext, problem: Problem): string {
  return page(
    context,
    t(context, `problem.${problem}.title`),
    html`<p>${t(context, `problem.${problem}.text`)}</p>
      <p><a href="/">${t(context, 'problem.home')}</a></p>`,
  );
}
