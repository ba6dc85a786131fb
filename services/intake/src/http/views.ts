import type { Application } from '../domain/application';
import type { Catalogue } from '@grunderboost/i18n';

const iso = (date: Date | undefined) => date?.toISOString();

/** The triage as the founder reads it: decision and reasons in their language. */
function triageView(application: Application, catalogue: Catalogue, language: string) {
  const triage = application.triage;
  if (triage === undefined) return undefined;
  return {
    decision: triage.decision,
    reasons: triage.reasonCodes.map((code) => ({
      code,
      text: catalogue.t(language, `triage.reason.${code}`),
    })),
    ...(triage.referredTo === undefined
      ? {}
      : {
          referredTo: triage.referredTo,
          referredToText: catalogue.t(language, `partner.${triage.referredTo}`),
        }),
    decidedAt: triage.triagedAt.toISOString(),
    automatic: triage.automatic,
  };
}

/** What the application holds about the founder, for their own eyes (and staff's). */
function detailsView(application: Application) {
  return {
    contact: application.contact,
    language: application.language,
    municipality: application.municipality,
    idea: application.idea,
    sector: application.sector,
    focusArea: application.focusArea,
    stage: application.stage,
    organisationForm: application.organisationForm,
    organisationNumber: application.organisationNumber,
    businessStartedOn: application.businessStartedOn,
    needs: application.needs,
    referralSource: application.referralSource,
    background: application.background,
  };
}

function consentsView(application: Application) {
  const record = (r: { granted: boolean; textVersion: string; at: Date }) => ({
    granted: r.granted,
    textVersion: r.textVersion,
    at: r.at.toISOString(),
  });
  const { processing, statistics, background, sharing } = application.consents;
  return {
    processing: record(processing),
    statistics: record(statistics),
    ...(background === undefined ? {} : { background: record(background) }),
    sharing: Object.fromEntries(Object.entries(sharing).map(([k, v]) => [k, record(v)])),
  };
}

export function founderView(application: Application, catalogue: Catalogue, language: string) {
  const erased = application.status === 'erased';
  return {
    applicationId: application.applicationId,
    // The founder's own id (pseudonymous): what the portal asks counselling and the journeys by.
    founderId: application.founderId,
    status: application.status,
    statusText: catalogue.t(language, `status.${application.status}`),
    language,
    direction: catalogue.direction(language),
    submittedAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
    editable: application.status === 'submitted' && application.triage === undefined,
    triage: triageView(application, catalogue, language),
    // After erasure nothing personal is left to show.
    ...(erased ? {} : { details: detailsView(application), consents: consentsView(application) }),
  };
}

/** Staff see the founder's view plus the ids and the pre-triage's findings. */
export function staffView(application: Application, catalogue: Catalogue, language: string) {
  return {
    ...founderView(application, catalogue, language),
    findings: application.findings,
    triagedBy: application.triage?.triagedBy,
    overrulesAutomatic: application.triage?.overrulesAutomatic,
    withdrawnAt: iso(application.withdrawnAt),
    erasedAt: iso(application.erasedAt),
    version: application.version,
  };
}

export function exportView(application: Application) {
  return {
    ...detailsView(application),
    applicationId: application.applicationId,
    status: application.status,
    submittedAt: application.createdAt.toISOString(),
    consents: consentsView(application),
    consentHistory: application.consentLog.map((entry) => ({
      ...entry,
      at: entry.at.toISOString(),
    })),
    findings: application.findings,
    triage: application.triage,
  };
}
