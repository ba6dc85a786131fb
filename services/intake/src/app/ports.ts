import type { OutboxEvent } from '@grunderboost/messaging';
import type { Application, ApplicationStatus, Contact } from '../domain/application';
import type { ConsentLogEntry } from '../domain/consents';
import type { DuplicateMatch, PreTriageRules } from '../domain/pre-triage';

export type CreateOutcome = 'created' | 'duplicate-idempotency-key';

/** What makes a retry recognisable: the client's key and a hash of its request. */
export interface Idempotency {
  key: string;
  requestHash: string;
}
export type SaveOutcome = 'saved' | 'conflict';

export interface SearchFilters {
  status?: ApplicationStatus[];
  municipality?: string[];
  focusArea?: string[];
  referralSource?: string[];
  language?: string[];
  email?: string;
  name?: string;
  submittedFrom?: Date;
  submittedTo?: Date;
}

export interface SearchCursor {
  createdAt: Date;
  applicationId: string;
}

export interface SearchPage {
  limit: number;
  after?: SearchCursor;
}

export interface SearchResult {
  items: Application[];
  next?: SearchCursor;
}

export interface ApplicationStore {
  /**
   * Stores the application together with its pending events in one single-document write, so
   * an application is never stored without its event (nor the other way round).
   */
  create(
    application: Application,
    events: OutboxEvent[],
    idempotency: Idempotency | undefined,
  ): Promise<CreateOutcome>;
  /** Writes the changed application and appends its events, if still at `expectedVersion`. */
  save(
    application: Application,
    expectedVersion: number,
    events: OutboxEvent[],
  ): Promise<SaveOutcome>;
  findById(applicationId: string): Promise<Application | undefined>;
  /** An application created with an Idempotency-Key, with the hash of its request. */
  findIdempotent(
    applicationId: string,
  ): Promise<{ application: Application; requestHash: string | undefined } | undefined>;
  /** Erasure: drops the lookup keys derived from the application's contact data. */
  forgetLookups(application: Application): Promise<void>;
  /** An open application (submitted or accepted) with the same e-mail, phone or org number. */
  findOpenDuplicate(
    contact: Contact,
    organisationNumber: string | undefined,
    excludeId?: string,
  ): Promise<DuplicateMatch | undefined>;
  /** The founder id of earlier applications with this e-mail: a returning founder keeps it. */
  founderIdForEmail(email: string): Promise<string | undefined>;
  findByFounder(founderId: string): Promise<Application[]>;
  search(filters: SearchFilters, page: SearchPage): Promise<SearchResult>;
}

/** One read of personal data by staff. */
export interface AccessRecord {
  at: Date;
  staffId: string;
  roles: string[];
  action:
    'read-application' | 'search-applications' | 'export-applications' | 'background-statistics';
  applicationIds: string[];
  /** background-statistics: how many founder ids were asked about (never the ids). */
  founderCount?: number;
  /** Names of the search filters used (not their values, which may be personal data). */
  filters?: string[];
  requestId?: string;
}

export interface AuditLog {
  record(entry: AccessRecord): Promise<void>;
  readsOf(applicationId: string): Promise<AccessRecord[]>;
}

export interface ApplicationEvents {
  submitted(application: Application): OutboxEvent;
  triaged(application: Application): OutboxEvent;
  withdrawn(application: Application, reasonCode: string | undefined): OutboxEvent;
  consentChanged(application: Application, change: ConsentLogEntry): OutboxEvent;
  erasureRequested(
    application: Application,
    erasureId: string,
    applicationIds: string[],
    at: Date,
  ): OutboxEvent;
  /** Called after a write with events, so they are published now rather than at the next poll. */
  written(applicationId: string): void;
}

export interface IntakeDependencies {
  store: ApplicationStore;
  events: ApplicationEvents;
  audit: AuditLog;
  rules: PreTriageRules;
  newId: () => string;
  now: () => Date;
}
