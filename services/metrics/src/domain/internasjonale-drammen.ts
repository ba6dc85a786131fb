import type { FounderFact } from './founder-fact';
import { isSmall } from './suppression';

/**
 * "Operating a business or employed through one", from what the fact document keeps (ADR 0011):
 * a 12- or 36-month follow-up said still operating (the latest outcome itself is not kept), or
 * the latest follow-up reported full-time equivalents above zero.
 */
export function isOperatingOrEmployed(fact: Pick<FounderFact, 'reached' | 'fte'>): boolean {
  const operating =
    fact.reached.operating12 !== undefined || fact.reached.operating36 !== undefined;
  return operating || (fact.fte?.value ?? 0) > 0;
}

/** What intake answers: a count of at least 5, or suppressed. */
export type BackgroundCount = { count: number } | { count: null; suppressed: true };

export interface InternasjonaleDrammen {
  founders: number | null;
  suppressed: boolean;
  goal: number;
  met: boolean | null;
}

/** The indicator against its goal; a suppressed count is never compared (that would leak it). */
export function internasjonaleDrammen(count: BackgroundCount, goal: number): InternasjonaleDrammen {
  if (count.count === null || isSmall(count.count)) {
    return { founders: null, suppressed: true, goal, met: null };
  }
  return { founders: count.count, suppressed: false, goal, met: count.count >= goal };
}
