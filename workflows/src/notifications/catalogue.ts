import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { NotificationKind } from '../activities/types';

const notificationKinds = [
  'first-session-reminder',
  'first-session-escalation',
  'inactivity-check-in',
  'follow-up',
  'mentorship-check-in',
  'mentorship-survey',
] as const satisfies readonly NotificationKind[];

const templateSchema = z.object({ subject: z.string().min(1), text: z.string().min(1) });
const catalogueSchema = z.object({
  language: z.string().min(2),
  name: z.string().min(1),
  direction: z.enum(['ltr', 'rtl']),
  notifications: z.object(Object.fromEntries(notificationKinds.map((k) => [k, templateSchema]))),
});

export interface RenderedMail {
  language: string;
  subject: string;
  text: string;
}

export interface Catalogue {
  languages(): string[];
  render(kind: NotificationKind, language: string, params: Record<string, string>): RenderedMail;
}

/** Founders whose language has no file get English; staff mails go out in bokmål. */
export const FALLBACK_LANGUAGE = 'en';

/**
 * One `<language>.json` per language in `dir`: adding Arabic or Somali is adding a file. Every
 * file must carry every notification kind, so a missing text fails at start-up, not at 3 a.m.
 */
export function loadCatalogue(dir = join(__dirname, 'templates')): Catalogue {
  const byLanguage = new Map<string, z.infer<typeof catalogueSchema>>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    const parsed = catalogueSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    byLanguage.set(parsed.language, parsed);
  }
  const pick = (language: string) =>
    byLanguage.get(language) ??
    byLanguage.get(language.split('-')[0]?.toLowerCase() ?? '') ??
    byLanguage.get(FALLBACK_LANGUAGE);
  return {
    languages: () => [...byLanguage.keys()],
    render(kind, language, params) {
      const catalogue = pick(language);
      const template = catalogue?.notifications[kind];
      if (catalogue === undefined || template === undefined) {
        throw new Error(`no template ${kind} in ${language} or ${FALLBACK_LANGUAGE}`);
      }
      const fill = (text: string) =>
        text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
      return {
        language: catalogue.language,
        subject: fill(template.subject),
        text: fill(template.text),
      };
    },
  };
}
