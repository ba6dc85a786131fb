/**
 * Who takes a founder: continuity first (a returning founder keeps their counsellor), then
 * language, then sector, then the lowest open caseload relative to capacity. Each choice comes
 * with its reason in words a lead understands, stored with the assignment.
 */

export interface Candidate {
  counsellorId: string;
  name: string;
  languages: string[];
  sectors: string[];
  capacity: number;
  openCases: number;
}

export interface FounderNeeds {
  language?: string | undefined;
  sector?: string | undefined;
  /** The counsellor of the founder's earlier case, if they had one. */
  previousCounsellorId?: string | undefined;
}

export interface Choice {
  counsellorId: string;
  /** Machine-readable, travels in events: 'continuity', 'language-and-sector-match', … */
  reasonCode: string;
  /** For people: why this counsellor. Stays in the service. */
  reason: string;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Lowest load relative to capacity; then fewer open cases; then the smallest id (stable). */
export function leastLoaded(candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (best === undefined || compareLoad(candidate, best) < 0) best = candidate;
  }
  return best;
}

function compareLoad(a: Candidate, b: Candidate): number {
  // Cross-multiplied so that equal ratios compare equal without floating-point noise.
  const byRatio = a.openCases * Math.max(b.capacity, 1) - b.openCases * Math.max(a.capacity, 1);
  if (byRatio !== 0) return byRatio;
  if (a.openCases !== b.openCases) return a.openCases - b.openCases;
  return a.counsellorId < b.counsellorId ? -1 : a.counsellorId > b.counsellorId ? 1 : 0;
}

const loadWords = (c: Candidate) =>
  `${c.name} had the lowest caseload relative to capacity (${c.openCases} of ${c.capacity} open cases)`;

/** Narrows to those who match, or keeps everyone (and says so) when nobody does. */
function narrow(
  pool: Candidate[],
  wanted: string | undefined,
  has: (c: Candidate, value: string) => boolean,
): { pool: Candidate[]; matched: boolean | undefined } {
  if (wanted === undefined) return { pool, matched: undefined };
  const matching = pool.filter((candidate) => has(candidate, wanted));
  return matching.length > 0 ? { pool: matching, matched: true } : { pool, matched: false };
}

/**
 * Chooses among available candidates (not on leave, active). Over-capacity counsellors are
 * chosen only when everyone is full, still by the lowest relative load.
 */
export function chooseCounsellor(
  available: readonly Candidate[],
  needs: FounderNeeds,
): Choice | undefined {
  const previous = available.find((c) => c.counsellorId === needs.previousCounsellorId);
  if (previous !== undefined && previous.openCases < previous.capacity) {
    return {
      counsellorId: previous.counsellorId,
      reasonCode: 'continuity',
      reason: `Returning founder: stays with ${previous.name}, who guided them before.`,
    };
  }
  const withRoom = available.filter((c) => c.openCases < c.capacity);
  const everyoneFull = withRoom.length === 0;
  const start = everyoneFull ? [...available] : withRoom;
  const byLanguage = narrow(start, needs.language, (c, l) => c.languages.includes(l));
  const bySector = narrow(byLanguage.pool, needs.sector, (c, s) => c.sectors.includes(s));
  const chosen = leastLoaded(bySector.pool);
  if (chosen === undefined) return undefined;
  const words = [
    languageWords(needs.language, byLanguage.matched),
    sectorWords(needs.sector, bySector.matched),
    `${loadWords(chosen)}.`,
    everyoneFull ? 'Every counsellor was at capacity.' : '',
  ].filter((part) => part !== '');
  return {
    counsellorId: chosen.counsellorId,
    reasonCode: reasonCode(byLanguage.matched, bySector.matched),
    reason: words.join(' '),
  };
}

function languageWords(language: string | undefined, matched: boolean | undefined) {
  if (language === undefined) return '';
  return matched === true
    ? `Speaks ${languageName(language)}, the founder's language.`
    : `Nobody available speaks ${languageName(language)}.`;
}

function sectorWords(sector: string | undefined, matched: boolean | undefined) {
  if (sector === undefined) return '';
  return matched === true
    ? `Works with sector ${sector}.`
    : `Nobody available among them works with sector ${sector}.`;
}

function reasonCode(language: boolean | undefined, sector: boolean | undefined): string {
  if (language === true && sector === true) return 'language-and-sector-match';
  if (language === true) return 'language-match';
  if (sector === true) return 'sector-match';
  return 'lowest-load';
}
