import type { OutboxEvent } from '@grunderboost/messaging';
import type { Assignment, CounsellorLoad } from '../domain/assignment';

export type CreateOutcome = 'created' | 'founder-already-assigned';

export interface AssignmentStore {
  /**
   * Stores the assignment together with its pending events in one single-document write.
   * At most one assignment per founder: a second one is refused by a unique index.
   */
  create(assignment: Assignment, events: OutboxEvent[]): Promise<CreateOutcome>;
  findByFounder(founderId: string): Promise<Assignment | undefined>;
}

export interface CounsellorStore {
  /** Registers counsellors not yet known, with no open cases; leaves known ones alone. */
  register(counsellorIds: readonly string[]): Promise<void>;
  /** The open cases of these counsellors (0 for an unknown one). */
  loads(counsellorIds: readonly string[]): Promise<CounsellorLoad[]>;
  addOpenCase(counsellorId: string): Promise<void>;
}

export interface AssignmentEvents {
  /** The integration event announcing the assignment, ready for the outbox. */
  assigned(assignment: Assignment): OutboxEvent;
  /** Called after a write with events, so they are published now rather than at the next poll. */
  written(): void;
}
