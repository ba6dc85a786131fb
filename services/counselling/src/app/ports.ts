import type { OutboxEvent } from '@grunderboost/messaging';
import type { Appointment } from '../domain/appointment';
import type { Case } from '../domain/case';
import type { Counsellor } from '../domain/counsellor';

/** An entity as read, with the version an update must still find (optimistic concurrency). */
export interface Loaded<T> {
  value: T;
  version: number;
}

export interface CounsellorRepository {
  /** 'exists' when the id is taken. */
  create(counsellor: Counsellor): Promise<'created' | 'exists'>;
  replace(counsellor: Counsellor): Promise<void>;
  get(counsellorId: string): Promise<Counsellor | undefined>;
  all(): Promise<Counsellor[]>;
}

export interface CaseRepository {
  /** Refused when the founder already has an open case (a unique index decides). */
  create(entry: Case, events: OutboxEvent[]): Promise<'created' | 'founder-has-open-case'>;
  /** False when someone else changed the case since it was read. */
  update(entry: Case, expectedVersion: number, events: OutboxEvent[]): Promise<boolean>;
  get(caseId: string): Promise<Loaded<Case> | undefined>;
  openOf(founderId: string): Promise<Loaded<Case> | undefined>;
  /** The founder's most recent case, open or closed. */
  latestOf(founderId: string): Promise<Case | undefined>;
  byApplication(applicationId: string): Promise<Case | undefined>;
  open(filter?: { counsellorId?: string }): Promise<Case[]>;
}

export interface AppointmentRepository {
  create(appointment: Appointment, events: OutboxEvent[]): Promise<void>;
  update(
    appointment: Appointment,
    expectedVersion: number,
    events: OutboxEvent[],
  ): Promise<boolean>;
  get(appointmentId: string): Promise<Loaded<Appointment> | undefined>;
  ofFounder(founderId: string): Promise<Appointment[]>;
  /** The counsellor's appointments that start before `until` and end after `from`. */
  ofCounsellor(counsellorId: string, from: Date, until: Date): Promise<Appointment[]>;
}

/**
 * Claims of quarter-hour cells of a counsellor's calendar. A unique key per counsellor and cell
 * makes the database, not this process, decide which of two overlapping bookings wins.
 */
export interface SlotClaims {
  claim(counsellorId: string, cells: Date[], appointmentId: string): Promise<'claimed' | 'taken'>;
  release(counsellorId: string, cells: Date[], appointmentId: string): Promise<void>;
}

/** The integration events, ready for an outbox (ids and codes only). */
export interface CounsellingEvents {
  assigned(entry: Case): OutboxEvent;
  reassigned(entry: Case, fromCounsellorId: string): OutboxEvent;
  closed(entry: Case): OutboxEvent;
  booked(appointment: Appointment): OutboxEvent;
  rescheduled(appointment: Appointment, previousStartsAt: Date): OutboxEvent;
  cancelled(appointment: Appointment): OutboxEvent;
  completed(appointment: Appointment): OutboxEvent;
  noShow(appointment: Appointment): OutboxEvent;
  milestone(
    founderId: string,
    reached: { milestoneId: string; milestone: string; organisationNumber?: string | undefined },
    at: Date,
  ): OutboxEvent;
  /** Called after a write with events, so they are published now rather than at the next poll. */
  written(): void;
}

export interface Clock {
  now(): Date;
  newId(): string;
}
