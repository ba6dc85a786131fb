/**
 * Accept-Language (RFC 9110 §12.5.4) with q-values and primary-subtag matching: 'nb-NO' → 'nb',
 * and 'no'/'nn' → 'nb', as Norwegian readers expect.
 */
const ALIASES: Readonly<Record<string, string>> = { no: 'nb', nn: 'nb' };

interface Weighted {
  tag: string;
  q: number;
  order: number;
}

function parseAcceptLanguage(header: string): Weighted[] {
  return header
    .split(',')
    .slice(0, 32) // a header is client input: bound the work
    .map((part, order) => {
      const [rawTag = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { tag: rawTag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((entry) => entry.tag !== '' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
}

function match(tag: string, available: readonly string[]): string | undefined {
  const exact = available.find((language) => language.toLowerCase() === tag);
  if (exact !== undefined) return exact;
  const primary = tag.split('-')[0] ?? '';
  const aliased = ALIASES[primary] ?? primary;
  return available.find((language) => language.toLowerCase() === aliased);
}

/** The best available language of an Accept-Language header, if any matches. */
export function matchAcceptLanguage(
  acceptLanguage: string | undefined,
  available: readonly string[],
): string | undefined {
  if (acceptLanguage === undefined) return undefined;
  for (const { tag } of parseAcceptLanguage(acceptLanguage)) {
    if (tag === '*') return undefined;
    const found = match(tag, available);
    if (found !== undefined) return found;
  }
  return undefined;
}

export interface LanguageChoice {
  acceptLanguage: string | undefined;
  /** The stored preference of the founder concerned, when there is one. */
  preferred?: string;
  available: readonly string[];
  fallback: string;
}

/**
 * What the reader asked for in this request wins (a language switch in the portal sends it);
 * otherwise their stored preference; otherwise the default.
 */
export function chooseLanguage(choice: LanguageChoice): string {
  const asked = matchAcceptLanguage(choice.acceptLanguage, choice.available);
  if (asked !== undefined) return asked;
  if (choice.preferred !== undefined && choice.available.includes(choice.preferred)) {
    return choice.preferred;
  }
  return choice.fallback;
}
