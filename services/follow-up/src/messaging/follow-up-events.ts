import { type EventDataMap, type EventType } from '@grunderboost/contracts';
import { type OutboxEvent, outboxEventBuilder } from '@grunderboost/messaging';
import type { FollowUpEvents, Verification } from '../app/ports';
import type { FollowUp } from '../domain/follow-up';

export const EVENT_SOURCE = '/services/follow-up';

/** The outbox entry of one event from this service (see messaging's outboxEventBuilder). */
const outboxEntry = <K extends EventType>(
  type: K,
  data: EventDataMap[K],
  time: Date,
  topicPrefix: string,
): OutboxEvent => outboxEventBuilder(EVENT_SOURCE, topicPrefix)(type, data, time);

/** followup.OutcomeReported.v1 of an answered follow-up: the answers as codes and counts. */
export function outcomeReportedEvent(followUp: FollowUp, topicPrefix: string): OutboxEvent {
  const { answers, answeredAt } = followUp;
  if (answers === undefined || answeredAt === undefined) {
    throw new Error('outcomeReported() needs an answered follow-up');
  }
  return outboxEntry(
    'followup.OutcomeReported.v1',
    {
      followUpId: followUp.followUpId,
      founderId: followUp.founderId,
      monthsAfterRegistration: followUp.monthsAfterRegistration,
      stillOperating: answers.stillOperating,
      employeesFte: answers.employeesFte,
      revenueBand: answers.revenueBand,
      hiresFromUnemployment: answers.hiresFromUnemployment,
      fundingObtained: answers.fundingSources.length > 0,
      fundingSources: answers.fundingSources,
      reportedAt: answeredAt.toISOString(),
    },
    answeredAt,
    topicPrefix,
  );
}

/** followup.CompanyRegistrationVerified.v1: status, dates and codes, never the number. */
export function registrationVerifiedEvent(
  verification: Verification,
  topicPrefix: string,
): OutboxEvent {
  const { facts } = verification;
  return outboxEntry(
    'followup.CompanyRegistrationVerified.v1',
    {
      verificationId: verification.verificationId,
      founderId: verification.founderId,
      ...(verification.followUpId === undefined ? {} : { followUpId: verification.followUpId }),
      status: facts.status,
      ...(facts.registeredOn === undefined ? {} : { registeredOn: facts.registeredOn }),
      ...(facts.deletedOn === undefined ? {} : { deletedOn: facts.deletedOn }),
      ...(facts.organisationFormCode === undefined
        ? {}
        : { organisationFormCode: facts.organisationFormCode }),
      ...(facts.naceCode === undefined ? {} : { naceCode: facts.naceCode }),
      checkedAt: verification.checkedAt.toISOString(),
    },
    verification.checkedAt,
    topicPrefix,
  );
}

export function followUpEvents(
  topicPrefix: string,
  nudge: FollowUpEvents['written'],
): FollowUpEvents {
  return {
    outcomeReported: (followUp) => outcomeReportedEvent(followUp, topicPrefix),
    registrationVerified: (verification) => registrationVerifiedEvent(verification, topicPrefix),
    written: nudge,
  };
}
