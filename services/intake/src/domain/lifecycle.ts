import type { Application, ApplicationDetails, Finding } from './application';
import { initialConsentLog, type ConsentRecord, type Consents } from './consents';
import { automaticTriage } from './pre-triage';

/** Consents as the founder gives them; the time is the submission's. */
export type ConsentGiven = Omit<ConsentRecord, 'at'>;
export interface ConsentsGiven {
  processing: ConsentGiven;
  statistics: ConsentGiven;
  background?: ConsentGiven;
  sharing: Partial<Record<keyof Consents['sharing'], ConsentGiven>>;
}

function stamp(given: ConsentsGiven, at: Date): Consents {
  const sharing: Consents['sharing'] = {};
  for (const [category, consent] of Object.entries(given.sharing) as Array<
    [keyof Consents['sharing'], ConsentGiven]
  >) {
    sharing[category] = { ...consent, at };
  }
  return {
    processing: { ...given.processing, at },
    statistics: { ...given.statistics, at },
    ...(given.background === undefined ? {} : { background: { ...given.background, at } }),
    sharing,
  };
}

/**
 * A new application. Ids, time and the pre-triage's findings are given, so the same input always
 * makes the same application; when something was found, the automatic decision is taken at once.
 */
export function newApplication(
  details: ApplicationDetails,
  consentsGiven: ConsentsGiven,
  ids: { applicationId: string; founderId: string },
  findings: Finding[],
  now: Date,
): Application {
  const consents = stamp(consentsGiven, now);
  const triage = automaticTriage(findings, now);
  return {
    ...details,
    applicationId: ids.applicationId,
    founderId: ids.founderId,
    status: triage?.decision ?? 'submitted',
    consents,
    consentLog: initialConsentLog(consents),
    findings,
    ...(triage === undefined ? {} : { triage }),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** The fields a founder may change before triage (consents have their own endpoint). */
export type DetailsChange = Partial<Omit<ApplicationDetails, 'background'>>;

/** The changed application, pre-triaged again (a new municipality may be outside the region). */
export function applyChange(
  application: Application,
  change: DetailsChange,
  findings: Finding[],
  now: Date,
): Application {
  const triage = automaticTriage(findings, now);
  const changed: Application = { ...application, ...change, findings, updatedAt: now };
  if (triage === undefined) return changed;
  return { ...changed, status: triage.decision, triage };
}

export function withdraw(application: Application, now: Date): Application {
  return { ...application, status: 'withdrawn', withdrawnAt: now, updatedAt: now };
}

/**
 * Erasure keeps what is not personal (municipality, sector, focus area, stage, dates, the triage
 * decision, the consent history) for the statistics, and drops everything that identifies the
 * founder or was written by them. Names and e-mail become empty strings in the stored record.
 */
export function erase(application: Application, now: Date): Application {
  const {
    organisationNumber: _organisationNumber,
    businessStartedOn: _businessStartedOn,
    background: _background,
    ...kept
  } = application;
  return {
    ...kept,
    contact: { name: '', email: '' },
    idea: '',
    status: 'erased',
    erasedAt: now,
    updatedAt: now,
  };
}
