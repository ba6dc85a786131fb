import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Message catalogues: one JSON file per language in a directory, e.g. messages/nb.json. A new
 * language (Arabic, Somali, Ukrainian …) is a new file — no code changes. A message may use
 * `{name}` placeholders. Keys missing in a language fall back to the default language.
 */
const catalogueFileSchema = z.strictObject({
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  /** The language's own name, for language pickers ("Norsk bokmål", "العربية"). */
  name: z.string().min(1),
  direction: z.enum(['ltr', 'rtl']),
  messages: z.record(z.string().min(1), z.string()),
});

export type CatalogueFile = z.infer<typeof catalogueFileSchema>;

export interface LanguageInfo {
  language: string;
  name: string;
  direction: 'ltr' | 'rtl';
}

export interface Catalogue {
  languages: LanguageInfo[];
  defaultLanguage: string;
  has(language: string): boolean;
  direction(language: string): 'ltr' | 'rtl';
  /** The message in `language`, else in the default language, else the key itself. */
  t(language: string, key: string, params?: Readonly<Record<string, string | number>>): string;
}

export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

export function catalogueFromFiles(files: CatalogueFile[], defaultLanguage: string): Catalogue {
  const byLanguage = new Map(files.map((file) => [file.language, file]));
  const fallback = byLanguage.get(defaultLanguage);
  if (fallback === undefined) {
    throw new CatalogueError(`no catalogue for the default language '${defaultLanguage}'`);
  }
  const fill = (template: string, params: Readonly<Record<string, string | number>>) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  return {
    languages: files
      .map(({ language, name, direction }) => ({ language, name, direction }))
      .sort((a, b) => a.language.localeCompare(b.language)),
    defaultLanguage,
    has: (language) => byLanguage.has(language),
    direction: (language) => (byLanguage.get(language) ?? fallback).direction,
    t(language, key, params = {}) {
      const template = byLanguage.get(language)?.messages[key] ?? fallback.messages[key] ?? key;
      return fill(template, params);
    },
  };
}

/** Reads every `*.json` of `dir`; a malformed file stops the start with its name and problem. */
export function loadCatalogue(dir: string, defaultLanguage: string): Catalogue {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = catalogueFileSchema.safeParse(
        JSON.parse(readFileSync(join(dir, name), 'utf8')),
      );
      if (!parsed.success) {
        throw new CatalogueError(`message catalogue ${name}: ${parsed.error.message}`);
      }
      if (`${parsed.data.language}.json` !== name) {
        throw new CatalogueError(`message catalogue ${name} declares '${parsed.data.language}'`);
      }
      return parsed.data;
    });
  return catalogueFromFiles(files, defaultLanguage);
}
