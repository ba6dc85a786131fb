import type {
  ApplicationSubmittedV1,
  founderNeeds,
  organisationForms,
  partnerCategories,
  triageDecisions,
} from '@grunderboost/contracts';
import type { ConsentLogEntry, Consents } from './consents';

export type OrganisationForm = (typeof organisationForms)[number];
export type FounderNeed = (typeof founderNeeds)[number];
export type PartnerCategory = (typeof partnerCategories)[number];
export type TriageDecision = (typeof triageDecisions)[number];

export interface Contact {
  name: string;
  email: string;
  phone?: string;
}

/** Special-category data: stored only under its own explicit consent, used only in statistics. */
export interface Background {
  immigrantBackground: boolean;
}

/** What the founder fills in; checked at the HTTP edge before it gets here. */
export interface ApplicationDetails {
  contact: Contact;
  /** The founder's preferred language, one of the message catalogue's languages. */
  language: string;
  /** 2024 kommunenummer (older numbers are mapped before they get here). */
  municipality: string;
  idea: string;
  sector: string;
  focusArea: ApplicationSubmittedV1['focusArea'];
  stage: ApplicationSubmittedV1['stage'];
  organisationForm: OrganisationForm;
  organisationNumber?: string;
  /** When an existing business started (YYYY-MM-DD); drives the business-age rule. */
  businessStartedOn?: string;
  needs: FounderNeed[];
  referralSource: ApplicationSubmittedV1['referralSource'];
  background?: Background;
}

/** submitted: awaiting triage; accepted/referred/declined: triaged; then withdrawn or erased. */
export type ApplicationStatus = 'submitted' | TriageDecision | 'withdrawn' | 'erased';

/** What the automatic pre-triage found; each finding is a reason a founder can read. */
export interface Finding {
  code: 'outside-region' | 'business-too-old' | 'duplicate';
  /** For duplicates: the open application this one repeats, and what matched. */
  duplicateOf?: string;
  matchedOn?: 'email' | 'phone' | 'organisation-number';
}

export interface Triage {
  decision: TriageDecision;
  reasonCodes: string[];
  /** Partner code for a referral, e.g. 'nav' or 'innovation-norway'. */
  referredTo?: string;
  /** Staff id; absent for the automatic pre-triage. */
  triagedBy?: string;
  triagedAt: Date;
  automatic: boolean;
  overrulesAutomatic: boolean;
}

export interface Application extends ApplicationDetails {
  applicationId: string;
  founderId: string;
  status: ApplicationStatus;
  consents: Consents;
  /** Every consent given or withdrawn, oldest first: the record behind `consents`. */
  consentLog: ConsentLogEntry[];
  findings: Finding[];
  triage?: Triage;
  createdAt: Date;
  updatedAt: Date;
  withdrawnAt?: Date;
  erasedAt?: Date;
  /** Bumped on every change: updates are conditional on it (optimistic concurrency). */
  version: number;
}

/** Open applications count for duplicates, can still be updated and can be withdrawn. */
export function isOpen(application: Pick<Application, 'status'>): boolean {
  return application.status === 'submitted' || application.status === 'accepted';
}

/** Founders may change their application until someone (or the pre-triage) has triaged it. */
export function isEditable(application: Pick<Application, 'status' | 'triage'>): boolean {
  return application.status === 'submitted' && application.triage === undefined;
}
