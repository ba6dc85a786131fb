import type { Application } from './application';

/**
 * The codes of an application that may leave the intake context, picked field by field (not by
 * removing the personal ones), so a personal field added to the application later cannot leak
 * into events by default.
 */
export function shareableFacts(application: Application) {
  return {
    applicationId: application.applicationId,
    founderId: application.founderId,
    municipality: application.municipality,
    focusArea: application.focusArea,
    sector: application.sector,
    stage: application.stage,
    language: application.language,
    referralSource: application.referralSource,
    organisationForm: application.organisationForm,
    needs: application.needs,
    hasOrganisationNumber: application.organisationNumber !== undefined,
  };
}
