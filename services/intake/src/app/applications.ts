import { newApplication, type Application, type ApplicationDetails } from '../domain/application';
import type { ApplicationEvents, ApplicationStore } from './ports';

export interface IntakeDependencies {
  store: ApplicationStore;
  events: ApplicationEvents;
  newId: () => string;
  now: () => Date;
}

export interface SubmitOutcome {
  /** False when an earlier request with the same idempotency key created the application. */
  created: boolean;
  application: Application;
}

export interface IntakeUseCases {
  submit(details: ApplicationDetails, idempotencyKey?: string): Promise<SubmitOutcome>;
  get(applicationId: string): Promise<Application | undefined>;
}

export function intakeUseCases(deps: IntakeDependencies): IntakeUseCases {
  async function earlier(idempotencyKey: string): Promise<SubmitOutcome | undefined> {
    const application = await deps.store.findByIdempotencyKey(idempotencyKey);
    return application === undefined ? undefined : { created: false, application };
  }

  async function submit(details: ApplicationDetails, idempotencyKey?: string) {
    if (idempotencyKey !== undefined) {
      const retried = await earlier(idempotencyKey);
      if (retried !== undefined) return retried;
    }
    const application = newApplication(
      details,
      { applicationId: deps.newId(), founderId: deps.newId() },
      deps.now(),
    );
    const outcome = await deps.store.create(
      application,
      [deps.events.submitted(application)],
      idempotencyKey,
    );
    if (outcome === 'duplicate-idempotency-key') {
      // A concurrent request with the same key won the insert: answer with its application.
      const winner = idempotencyKey === undefined ? undefined : await earlier(idempotencyKey);
      if (winner === undefined) {
        throw new Error('idempotency key reported taken, but no application carries it');
      }
      return winner;
    }
    deps.events.written();
    return { created: true, application };
  }

  return { submit, get: (applicationId) => deps.store.findById(applicationId) };
}
