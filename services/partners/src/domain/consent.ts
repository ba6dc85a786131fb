import type { PartnerCategory } from './partner';

/** What partners may filter on: codes from the founder's application, never personal data. */
export interface FounderProfile {
  referralSource?: string;
  municipality?: string;
  focusArea?: string;
  sector?: string;
  stage?: string;
}

/** One founder's sharing consents: per category whether granted, and since when. */
export interface ConsentRecord {
  founderId: string;
  sharing: Partial<Record<PartnerCategory, { granted: boolean; changedAt: string }>>;
  profile: FounderProfile;
}

export function emptyRecord(founderId: string): ConsentRecord {
  return { founderId, sharing: {}, profile: {} };
}

/** Applies one consent change unless a later one for the category is already known. */
export function applyConsent(
  record: ConsentRecord,
  category: PartnerCategory,
  granted: boolean,
  changedAt: string,
): ConsentRecord {
  const current = record.sharing[category];
  if (current !== undefined && Date.parse(current.changedAt) > Date.parse(changedAt)) {
    return record;
  }
  return { ...record, sharing: { ...record.sharing, [category]: { granted, changedAt } } };
}

/** Fail closed: no record, or no word on this category, means no consent. */
export function allowsSharing(record: ConsentRecord | undefined, category: PartnerCategory) {
  return record?.sharing[category]?.granted === true;
}
