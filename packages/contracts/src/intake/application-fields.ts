/**
 * Codes used by several intake events. Adding a code is a compatible change for consumers that
 * ignore codes they do not know; removing or renaming one is a new event version.
 */

/** Planned organisation form: enkeltpersonforetak, aksjeselskap, ansvarlig selskap, samvirke. */
export const organisationForms = ['ENK', 'AS', 'ANS/DA', 'SA', 'undecided'] as const;

/** What the founder wants help with. */
export const founderNeeds = [
  'business-plan',
  'financing',
  'registration',
  'accounting-tax',
  'marketing',
  'premises',
  'mentor',
] as const;

/** Partner categories a founder may allow their outcomes to be shared with, one consent each. */
export const partnerCategories = [
  'nav',
  'usn',
  'business-association',
  'innovation-norway',
  'municipality',
] as const;

/** The consents an application records, each with its time and the version of the text shown. */
export const consentKinds = ['processing', 'statistics', 'background', 'sharing'] as const;
