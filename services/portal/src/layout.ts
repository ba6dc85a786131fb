import type { Catalogue } from '@grunderboost/i18n';
import { html, type Html } from './html';
import { STYLES } from './styles';

export interface PageContext {
  language: string;
  catalogue: Catalogue;
  /** The path of this page, for the language switch links. */
  path: string;
  signedIn: boolean;
}

export const t = (context: PageContext, key: string, params?: Record<string, string | number>) =>
  context.catalogue.t(context.language, key, params);

function languageSwitch(context: PageContext): Html {
  const separator = context.path.includes('?') ? '&' : '?';
  return html`<nav aria-label="${t(context, 'nav.languages')}" class="languages">
    <ul>
      ${context.catalogue.languages.map(
        ({ language, name }) =>
          html`<li>
            <a
              href="${context.path}${separator}lang=${language}"
              lang="${language}"
              hreflang="${language}"
              ${language === context.language ? html`aria-current="true"` : ''}
              >${name}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

/** Every page: language and direction on <html>, a skip link, landmarks, one h1. */
export function page(context: PageContext, title: string, body: Html): string {
  const direction = context.catalogue.direction(context.language);
  return html`<!doctype html>
    <html lang="${context.language}" dir="${direction}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} – Gründerboost</title>
        <style>
          ${STYLES}
        </style>
      </head>
      <body>
        <a class="skip" href="#main">${t(context, 'nav.skip')}</a>
        <header>
          <p class="brand"><a href="/">Gründerboost</a></p>
          <nav aria-label="${t(context, 'nav.main')}">
            <ul>
              <li><a href="/apply">${t(context, 'nav.apply')}</a></li>
              <li><a href="/staff/board">${t(context, 'nav.board')}</a></li>
              <li><a href="/dashboard">${t(context, 'nav.dashboard')}</a></li>
              ${context.signedIn ? html`<li><a href="/staff/sign-out">${t(context, 'nav.signOut')}</a></li>` : ''}
            </ul>
          </nav>
          ${languageSwitch(context)}
        </header>
        <main id="main" tabindex="-1">
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`.value;
}
