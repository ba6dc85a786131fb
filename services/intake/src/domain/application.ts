import type { ApplicationSubmittedV1 } from '@grunderboost/contracts';

/** Languages guidance is offered in today; the event contract allows any BCP-47 tag. */
export const guidanceLanguages = ['nb', 'en'] as const;
export type GuidanceLanguage = (typeof guidanceLanguages)[number];

export interface Contact {
  name: string;
  email: string;
  phone?: string;
}

/** What the founder fills in; checked at the HTTP edge before it gets here. */
export interface ApplicationDetails {
  contact: Contact;
  municipality: string;
  focusArea: ApplicationSubmittedV1['focusArea'];
  sector: string;
  stage: ApplicationSubmittedV1['stage'];
  language: GuidanceLanguage;
  referralSource: ApplicationSubmittedV1['referralSource'];
}

export type ApplicationStatus = 'submitted';

export interface Application extends ApplicationDetails {
  applicationId: string;
  founderId: string;
  status: ApplicationStatus;
  createdAt: Date;
}

/** Ids and time are given, so the same input always makes the same application. */
export function newApplication(
  details: ApplicationDetails,
  ids: { applicationId: string; founderId: string },
  now: Date,
): Application {
  return {
    ...details,
    applicationId: ids.applicationId,
    founderId: ids.founderId,
    status: 'submitted',
    createdAt: now,
  };
}

/** The codes of an application that may leave the intake context. */
export interface ShareableFacts {
  applicationId: string;
  founderId: string;
  municipality: string;
  focusArea: Application['focusArea'];
  sector: string;
  stage: Application['stage'];
  language: GuidanceLanguage;
  referralSource: Application['referralSource'];
}

/**
 * Everything but the contact details, picked field by field (not by removing `contact`), so a
 * personal field added to the application later cannot leak into events or views by default.
 */
export function shareableFacts(application: Application): ShareableFacts {
  return {
    applicationId: application.applicationId,
    founderId: application.founderId,
    municipality: application.municipality,
    focusArea: application.focusArea,
    sector: application.sector,
    stage: application.stage,
    language: application.language,
    referralSource: application.referralSource,
  };
}
