import type { Application, Finding, Triage } from './application';

export interface PreTriageRules {
  /** 2024 kommunenummer of the region's municipalities. */
  regionMunicipalities: ReadonlySet<string>;
  /** A business older than this (from businessStartedOn) is no longer a start-up. */
  maxBusinessAgeMonths: number;
}

/** An open application of someone else... or of the same founder, applying twice. */
export interface DuplicateMatch {
  applicationId: string;
  matchedOn: NonNullable<Finding['matchedOn']>;
}

type Checked = Pick<Application, 'municipality' | 'businessStartedOn'>;

/** Whole months from `startedOn` (YYYY-MM-DD) to `now`, counting only completed months. */
export function monthsSince(startedOn: string, now: Date): number {
  const [year, month, day] = startedOn.split('-').map(Number) as [number, number, number];
  let months = (now.getUTCFullYear() - year) * 12 + (now.getUTCMonth() + 1 - month);
  if (now.getUTCDate() < day) months -= 1;
  return months;
}

/** The automatic checks of DESIGN.md's eligibility rules; an empty list means nothing found. */
export function preTriage(
  application: Checked,
  duplicate: DuplicateMatch | undefined,
  rules: PreTriageRules,
  now: Date,
): Finding[] {
  const findings: Finding[] = [];
  if (!rules.regionMunicipalities.has(application.municipality)) {
    findings.push({ code: 'outside-region' });
  }
  const started = application.businessStartedOn;
  if (started !== undefined && monthsSince(started, now) > rules.maxBusinessAgeMonths) {
    findings.push({ code: 'business-too-old' });
  }
  if (duplicate !== undefined) {
    findings.push({
      code: 'duplicate',
      duplicateOf: duplicate.applicationId,
      matchedOn: duplicate.matchedOn,
    });
  }
  return findings;
}

/**
 * The decision the pre-triage takes by itself when it found something; a counsellor may overrule
 * it. An established business alone is referred to the business association, which serves
 * established companies; anything else found is declined.
 */
export function automaticTriage(findings: readonly Finding[], now: Date): Triage | undefined {
  if (findings.length === 0) return undefined;
  const reasonCodes = findings.map((finding) => finding.code);
  const onlyTooOld = findings.every((finding) => finding.code === 'business-too-old');
  return {
    decision: onlyTooOld ? 'referred' : 'declined',
    reasonCodes,
    ...(onlyTooOld ? { referredTo: 'business-association' } : {}),
    triagedAt: now,
    automatic: true,
    overrulesAutomatic: false,
  };
}
