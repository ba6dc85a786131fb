import { chooseLanguage, type Catalogue } from '@grunderboost/i18n';
import type { Request, Response } from 'express';
import type { PageContext } from './layout';

/** Cookies are few and simple here: parse them by hand rather than add a dependency. */
export function cookiesOf(req: Request): Record<string, string> {
  const header = req.get('cookie') ?? '';
  const cookies: Record<string, string> = {};
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name) {
      try {
        cookies[name] = decodeURIComponent(rest.join('='));
      } catch {
        // a malformed cookie is ignored, not an error page
      }
    }
  }
  return cookies;
}

/**
 * The page language: an explicit ?lang= (the language switch, remembered in a cookie), else the
 * cookie, else Accept-Language, else the default.
 */
export function pageContext(req: Request, res: Response, catalogue: Catalogue): PageContext {
  const available = catalogue.languages.map((l) => l.language);
  const asked =
    typeof req.query.lang === 'string' && available.includes(req.query.lang)
      ? req.query.lang
      : undefined;
  if (asked !== undefined) {
    res.append('Set-Cookie', `lang=${asked}; Path=/; SameSite=Lax; Max-Age=31536000`);
  }
  const cookies = cookiesOf(req);
  const remembered =
    cookies.lang !== undefined && available.includes(cookies.lang) ? cookies.lang : undefined;
  const language =
    asked ??
    remembered ??
    chooseLanguage({
      acceptLanguage: req.get('accept-language'),
      available,
      fallback: catalogue.defaultLanguage,
    });
  const path = req.originalUrl.replace(/([?&])lang=[^&]*&?/, '$1').replace(/[?&]$/, '');
  return { language, catalogue, path, signedIn: cookies.staff_token !== undefined };
}
