import type { Application, ApplicationDetails } from '../domain/application';
import { checkSubmissionConsents } from '../domain/consents';
import { newApplication, type ConsentsGiven } from '../domain/lifecycle';
import { preTriage } from '../domain/pre-triage';
import type { IntakeDependencies } from './ports';
import { refused, success, type Result } from './results';

export interface Submission {
  details: ApplicationDetails;
  consents: ConsentsGiven;
}

export interface SubmitOutcome {
  /** False when an earlier request with the same idempotency key created the application. */
  created: boolean;
  application: Application;
}

export function submitUseCase(deps: IntakeDependencies) {
  async function earlier(idempotencyKey: string): Promise<SubmitOutcome | undefined> {
    const application = await deps.store.findByIdempotencyKey(idempotencyKey);
    return application === undefined ? undefined : { created: false, application };
  }

  return async function submit(
    submission: Submission,
    idempotencyKey?: string,
  ): Promise<Result<SubmitOutcome>> {
    const { details } = submission;
    const violation = checkSubmissionConsents(
      submission.consents,
      details.background !== undefined,
    );
    if (violation !== undefined) return refused(violation);
    if (idempotencyKey !== undefined) {
      const retried = await earlier(idempotencyKey);
      if (retried !== undefined) return success(retried);
    }
    const now = deps.now();
    const founderId = (await deps.store.founderIdForEmail(details.contact.email)) ?? deps.newId();
    const duplicate = await deps.store.findOpenDuplicate(
      details.contact,
      details.organisationNumber,
    );
    const findings = preTriage(details, duplicate, deps.rules, now);
    const application = newApplication(
      details,
      submission.consents,
      { applicationId: deps.newId(), founderId },
      findings,
      now,
    );
    const events = [deps.events.submitted(application)];
    if (application.triage !== undefined) events.push(deps.events.triaged(application));
    const outcome = await deps.store.create(application, events, idempotencyKey);
    if (outcome === 'duplicate-idempotency-key') {
      // A concurrent request with the same key won the insert: answer with its application.
      const winner = idempotencyKey === undefined ? undefined : await earlier(idempotencyKey);
      if (winner === undefined) {
        throw new Error('idempotency key reported taken, but no application carries it');
      }
      return success(winner);
    }
    deps.events.written();
    return success({ created: true, application });
  };
}
