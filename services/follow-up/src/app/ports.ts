import type { OutboxEvent } from '@grunderboost/messaging';
import type { FollowUp, FollowUpState } from '../domain/follow-up';
import type { RegisterAnswer, RegistrationFacts } from '../domain/registration';

export interface ListFilters {
  founderId?: string;
  state?: FollowUpState;
  limit: number;
  /** Opaque position after which the next page starts. */
  after?: { dueAt: Date; followUpId: string };
}

export interface FollowUpStore {
  /** 'exists' when a follow-up with this id is stored already (a retry, or a race). */
  create(followUp: FollowUp): Promise<'created' | 'exists'>;
  findById(followUpId: string): Promise<FollowUp | undefined>;
  /** Writes the new state if the stored version is still expectedVersion, with its events. */
  save(followUp: FollowUp, expectedVersion: number, events: OutboxEvent[]): Promise<boolean>;
  /** Staff listing, oldest due first; scans on FerretDB (staff only, like intake's search). */
  list(filters: ListFilters, now: Date, overdueAfterDays: number): Promise<FollowUp[]>;
}

/** One check of a founder's company in the register, kept with its outbox. */
export interface Verification {
  verificationId: string;
  founderId: string;
  followUpId?: string;
  /** Personal data for an ENK: kept for staff, erased on the founder's request. */
  organisationNumber?: string;
  facts: RegistrationFacts;
  checkedAt: Date;
}

export interface VerificationStore {
  /** Adds a check to the founder's registration record (one document per founder). */
  record(verification: Verification, event: OutboxEvent): Promise<void>;
  latest(founderId: string): Promise<Verification | undefined>;
  /** Drops the organisation numbers of a founder's checks; the facts stay. */
  erase(founderId: string): Promise<void>;
}

export interface CompanyRegister {
  /** Rejects with RegisterUnavailableError when the register cannot give a usable answer. */
  lookUp(organisationNumber: string): Promise<RegisterAnswer>;
}

export interface FollowUpEvents {
  outcomeReported(followUp: FollowUp): OutboxEvent;
  registrationVerified(verification: Verification): OutboxEvent;
  /** Tells the relay of that collection a document has new events (by its _id). */
  written(collection: 'follow-ups' | 'registrations', documentId: string): void;
}
