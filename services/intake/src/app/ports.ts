import type { OutboxEvent } from '@grunderboost/messaging';
import type { Application } from '../domain/application';

export type CreateOutcome = 'created' | 'duplicate-idempotency-key';

export interface ApplicationStore {
  /**
   * Stores the application together with its pending events in one single-document write, so
   * an application is never stored without its event (nor the other way round).
   */
  create(
    application: Application,
    events: OutboxEvent[],
    idempotencyKey: string | undefined,
  ): Promise<CreateOutcome>;
  findById(applicationId: string): Promise<Application | undefined>;
  findByIdempotencyKey(idempotencyKey: string): Promise<Application | undefined>;
}

export interface ApplicationEvents {
  /** The integration event announcing a new application, ready for the outbox. */
  submitted(application: Application): OutboxEvent;
  /** Called after a write with events, so they are published now rather than at the next poll. */
  written(): void;
}
