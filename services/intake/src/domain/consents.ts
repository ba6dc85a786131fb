import type { PartnerCategory } from './application';

/** One consent as the founder gave it: yes or no, when, and which text they were shown. */
export interface ConsentRecord {
  granted: boolean;
  textVersion: string;
  at: Date;
}

export interface Consents {
  /** Processing the application at all: required to apply. */
  processing: ConsentRecord;
  /** Use in (aggregated, anonymous) statistics. */
  statistics: ConsentRecord;
  /** Voluntary background data (e.g. immigrant background): special-category data. */
  background?: ConsentRecord;
  /** Sharing outcomes with each partner category, one consent each. */
  sharing: Partial<Record<PartnerCategory, ConsentRecord>>;
}

export type ConsentKind = 'processing' | 'statistics' | 'background' | 'sharing';

export interface ConsentChange {
  consent: ConsentKind;
  partnerCategory?: PartnerCategory;
  granted: boolean;
  textVersion: string;
}

/** One line of the consent history: what the founder said, when, having seen which text. */
export interface ConsentLogEntry extends ConsentChange {
  at: Date;
}

/** The log lines of the consents given at submission. */
export function initialConsentLog(consents: Consents): ConsentLogEntry[] {
  const line = (
    consent: ConsentKind,
    record: ConsentRecord,
    partnerCategory?: PartnerCategory,
  ) => ({
    consent,
    ...(partnerCategory === undefined ? {} : { partnerCategory }),
    granted: record.granted,
    textVersion: record.textVersion,
    at: record.at,
  });
  const lines: ConsentLogEntry[] = [
    line('processing', consents.processing),
    line('statistics', consents.statistics),
  ];
  if (consents.background !== undefined) lines.push(line('background', consents.background));
  for (const [category, record] of Object.entries(consents.sharing) as Array<
    [PartnerCategory, ConsentRecord]
  >) {
    lines.push(line('sharing', record, category));
  }
  return lines;
}

export type ConsentRuleViolation =
  'processing-required' | 'background-without-consent' | 'processing-cannot-be-withdrawn-here';

/** At submission: processing must be granted; background data only with its own consent. */
export function checkSubmissionConsents(
  consents: { processing: { granted: boolean }; background?: { granted: boolean } },
  hasBackground: boolean,
): ConsentRuleViolation | undefined {
  if (!consents.processing.granted) return 'processing-required';
  if (hasBackground && consents.background?.granted !== true) return 'background-without-consent';
  return undefined;
}

/**
 * A later change. Withdrawing the consent to processing is not a consent change: the founder
 * withdraws the application or asks for erasure, which the API offers as such.
 */
export function checkConsentChange(change: ConsentChange): ConsentRuleViolation | undefined {
  if (change.consent === 'processing' && !change.granted) {
    return 'processing-cannot-be-withdrawn-here';
  }
  return undefined;
}

/** The consents after a change; a withdrawn background consent also drops the background data. */
export function applyConsentChange(consents: Consents, change: ConsentChange, now: Date): Consents {
  const record: ConsentRecord = {
    granted: change.granted,
    textVersion: change.textVersion,
    at: now,
  };
  if (change.consent === 'sharing') {
    if (change.partnerCategory === undefined) return consents;
    return { ...consents, sharing: { ...consents.sharing, [change.partnerCategory]: record } };
  }
  return { ...consents, [change.consent]: record };
}

/** The partner categories the founder currently allows sharing with, in a stable order. */
export function sharingAllowed(consents: Consents): PartnerCategory[] {
  return (Object.entries(consents.sharing) as Array<[PartnerCategory, ConsentRecord]>)
    .filter(([, record]) => record.granted)
    .map(([category]) => category)
    .sort();
}
