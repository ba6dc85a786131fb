import { html } from '../html';
import { page, t, type PageContext } from '../layout';

export function homePage(context: PageContext): string {
  return page(
    context,
    t(context, 'home.title'),
    html`<p>${t(context, 'home.intro')}</p>
      <p><a href="/apply">${t(context, 'home.apply')}</a></p>`,
  );
}
