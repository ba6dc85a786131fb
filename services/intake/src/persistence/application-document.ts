import { newOutbox, type OutboxEvent, type OutboxFields } from '@grunderboost/messaging';
import type mongoose from 'mongoose';
import type { Application } from '../domain/application';

export const APPLICATIONS_COLLECTION = 'applications';

/**
 * The stored application. The lowercased e-mail is kept beside the contact it comes from (and
 * erased with it) for staff search by e-mail; duplicates and returning founders are found through
 * the hashed lookup keys instead (lookup-keys.ts).
 */
export interface ApplicationDocument extends OutboxFields, Omit<Application, 'applicationId'> {
  _id: string;
  emailKey: string | null;
  /**
   * Always set (see storedKey), so the unique index needs no partial or sparse option. A retry is
   * found by its derived _id now (ADR 0004); the key stays so databases made before keep working.
   */
  idempotencyKey: string;
  /** For requests with an Idempotency-Key: the hash a retry's request must match. */
  requestHash?: string | undefined;
}

export type ApplicationCollection = mongoose.mongo.Collection<ApplicationDocument>;

export const emailKeyOf = (email: string) => email.trim().toLowerCase();

/** +47 912 34 567, 004791234567 and 91234567 are one number: Norwegian digits without 47. */
export function phoneKeyOf(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^00/, '');
  return digits.length === 10 && digits.startsWith('47') ? digits.slice(2) : digits;
}

/** The search key of an application; an erased one has none (its contact is gone). */
export function lookupKeys(application: Application) {
  return {
    emailKey: application.status === 'erased' ? null : emailKeyOf(application.contact.email),
  };
}

/**
 * FerretDB 1.x has no partial or sparse indexes, and a unique index counts every missing key as
 * the same null. Requests without a key therefore get one of their own. The namespaces cannot
 * collide: ':' is not allowed in client keys.
 */
export const storedKey = (applicationId: string, clientKey: string | undefined): string =>
  clientKey === undefined ? `none:${applicationId}` : `client:${clientKey}`;

export function toDocument(
  application: Application,
  events: OutboxEvent[],
  idempotencyKey: string,
): ApplicationDocument {
  const { applicationId, ...fields } = application;
  return {
    _id: applicationId,
    ...fields,
    ...lookupKeys(application),
    idempotencyKey,
    ...newOutbox(events, application.createdAt),
  };
}

/** Absent fields may come back as null from documents written by other drivers or versions. */
const present = <T>(value: T | null | undefined): value is T =>
  value !== undefined && value !== null;

/** Field by field, so outbox and lookup fields never leak into the domain (or a view). */
export function toApplication(document: ApplicationDocument): Application {
  return {
    applicationId: document._id,
    founderId: document.founderId,
    contact: document.contact,
    language: document.language,
    municipality: document.municipality,
    idea: document.idea,
    sector: document.sector,
    focusArea: document.focusArea,
    stage: document.stage,
    organisationForm: document.organisationForm,
    ...(present(document.organisationNumber)
      ? { organisationNumber: document.organisationNumber }
      : {}),
    ...(present(document.businessStartedOn)
      ? { businessStartedOn: document.businessStartedOn }
      : {}),
    needs: document.needs,
    referralSource: document.referralSource,
    ...(present(document.background) ? { background: document.background } : {}),
    status: document.status,
    consents: document.consents,
    consentLog: document.consentLog,
    findings: document.findings,
    ...(present(document.triage) ? { triage: document.triage } : {}),
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    ...(present(document.withdrawnAt) ? { withdrawnAt: document.withdrawnAt } : {}),
    ...(present(document.erasedAt) ? { erasedAt: document.erasedAt } : {}),
    version: document.version,
  };
}
