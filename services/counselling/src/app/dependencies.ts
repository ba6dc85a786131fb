import type { CaseloadPolicy } from '../domain/caseload';
import type { DocumentLock } from '@grunderboost/messaging';
import type {
  AppointmentRepository,
  CaseRepository,
  Clock,
  CounsellingEvents,
  CounsellorRepository,
  SlotClaims,
} from './ports';

export interface Policy extends CaseloadPolicy {
  /** Sessions a founder may book for free; staff may book beyond it. */
  freeSessions: number;
}

export interface Dependencies {
  counsellors: CounsellorRepository;
  cases: CaseRepository;
  appointments: AppointmentRepository;
  claims: SlotClaims;
  events: CounsellingEvents;
  clock: Clock;
  /**
   * Shared with the outbox relays: one writer per document id at a time (ADR 0003). The key
   * 'assignment' serialises every choice that reads caseloads.
   */
  locks: DocumentLock;
  policy: Policy;
}

export const ASSIGNMENT_QUEUE = 'assignment';
