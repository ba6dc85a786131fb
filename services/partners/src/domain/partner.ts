import type { partnerCategories } from '@grunderboost/contracts';

export type PartnerCategory = (typeof partnerCategories)[number];

/** Which fields of one event type a partner may receive (besides its pseudonym). */
export interface AgreementItem {
  eventType: DeliverableType;
  fields: string[];
}

export interface Partner {
  partnerId: string;
  name: string;
  /** The founder's sharing consent is given per category (application-fields.ts). */
  category: PartnerCategory;
  agreement: AgreementItem[];
}

/**
 * The outcome-type events partners may be offered, with the data fields an agreement may name.
 * Left out on purpose: founderId (replaced by the pseudonym) and every other id that is the same
 * for all partners (applicationId, assignmentId, counsellorId, …) or names a company
 * (organisationNumber): two partners could join their feeds on it and undo the pseudonyms.
 */
export const shareableFields = {
  'followup.OutcomeReported.v1': [
    'monthsAfterRegistration',
    'stillOperating',
    'employeesFte',
    'revenueBand',
    'hiresFromUnemployment',
    'fundingObtained',
    'fundingSources',
    'reportedAt',
  ],
  'counselling.MilestoneReached.v1': ['milestone', 'reachedAt'],
  'intake.ApplicationTriaged.v1': ['decision', 'reasonCodes', 'referredTo', 'triagedAt'],
  'counselling.CounsellorAssigned.v1': ['reasonCode', 'assignedAt'],
  // Not registeredOn, deletedOn or naceCode: with the municipality they narrow the public
  // register to a company, and for an ENK the company is the person.
  'followup.CompanyRegistrationVerified.v1': ['status', 'organisationFormCode', 'checkedAt'],
} as const;

export type DeliverableType = keyof typeof shareableFields;

export const deliverableTypes = Object.keys(shareableFields) as DeliverableType[];

export function isDeliverable(type: string): type is DeliverableType {
  return Object.hasOwn(shareableFields, type);
}

/** Fields the agreement names that no agreement may hold; empty when the agreement is fine. */
export function unshareableFields(item: AgreementItem): string[] {
  const allowed: readonly string[] = shareableFields[item.eventType];
  return item.fields.filter((field) => !allowed.includes(field));
}

export function agreementFor(partner: Partner, type: string): AgreementItem | undefined {
  return partner.agreement.find((item) => item.eventType === type);
}

const everything = (eventType: DeliverableType): AgreementItem => ({
  eventType,
  fields: [...shareableFields[eventType]],
});

/** The region's partners as first seeded; admins narrow or widen each agreement later. */
export const defaultPartners: Partner[] = [
  {
    partnerId: 'nav',
    name: 'NAV',
    category: 'nav',
    agreement: [
      everything('followup.OutcomeReported.v1'),
      everything('intake.ApplicationTriaged.v1'),
    ],
  },
  {
    partnerId: 'usn',
    name: 'USN Campus Drammen',
    category: 'usn',
    agreement: [everything('counselling.MilestoneReached.v1')],
  },
  {
    partnerId: 'naeringsforeningen',
    name: 'Næringsforeningen i Drammensregionen',
    category: 'business-association',
    agreement: [everything('counselling.MilestoneReached.v1')],
  },
  {
    partnerId: 'innovasjon-norge',
    name: 'Innovasjon Norge',
    category: 'innovation-norway',
    agreement: [
      everything('followup.OutcomeReported.v1'),
      everything('counselling.MilestoneReached.v1'),
    ],
  },
  {
    partnerId: 'drammen-kommune',
    name: 'Drammen kommune',
    category: 'municipality',
    agreement: deliverableTypes.map(everything),
  },
];
