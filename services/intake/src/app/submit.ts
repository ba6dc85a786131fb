import type { Application, ApplicationDetails } from '../domain/application';
import { checkSubmissionConsents } from '../domain/consents';
import { newApplication, type ConsentsGiven } from '../domain/lifecycle';
import { preTriage } from '../domain/pre-triage';
import { idempotentApplicationId, requestHashOf } from './idempotency';
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
  /** The first application of a retried request, or a refusal when the request differs. */
  async function earlier(
    applicationId: string,
    requestHash: string,
  ): Promise<Result<SubmitOutcome> | undefined> {
    const found = await deps.store.findIdempotent(applicationId);
    if (found === undefined) return undefined;
    if (found.requestHash !== undefined && found.requestHash !== requestHash) {
      return refused('idempotency-key-reused');
    }
    return success({ created: false, application: found.application });
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
    const requestHash = requestHashOf(submission);
    const applicationId =
      idempotencyKey === undefined ? deps.newId() : idempotentApplicationId(idempotencyKey);
    if (idempotencyKey !== undefined) {
      const retried = await earlier(applicationId, requestHash);
      if (retried !== undefined) return retried;
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
      { applicationId, founderId },
      findings,
      now,
    );
    const events = [deps.events.submitted(application)];
    if (application.triage !== undefined) events.push(deps.events.triaged(application));
    const idempotency =
      idempotencyKey === undefined ? undefined : { key: idempotencyKey, requestHash };
    const outcome = await deps.store.create(application, events, idempotency);
    if (outcome === 'duplicate-idempotency-key') {
      // A concurrent request with the same key won the insert: answer with its application.
      const winner = await earlier(applicationId, requestHash);
      if (winner === undefined) {
        throw new Error('idempotency key reported taken, but no application carries it');
      }
      return winner;
    }
    deps.events.written(application.applicationId);
    return success({ created: true, application });
  };
}
