import { type EventDataMap, type EventType } from '@grunderboost/contracts';
import { type OutboxEvent, outboxEventBuilder } from '@grunderboost/messaging';
import type { ApplicationEvents } from '../app/ports';
import { sharingAllowed } from '../domain/consents';
import { shareableFacts } from '../domain/shareable';
import type { Application } from '../domain/application';

export const EVENT_SOURCE = '/services/intake';

/** The outbox entry of one event from this service (see messaging's outboxEventBuilder). */
const outboxEntry = <K extends EventType>(
  type: K,
  data: EventDataMap[K],
  time: Date,
  topicPrefix: string,
): OutboxEvent => outboxEventBuilder(EVENT_SOURCE, topicPrefix)(type, data, time);

/** The outbox entry of intake.ApplicationSubmitted.v1: codes and ids only, never the contact. */
export function applicationSubmittedEvent(application: Application, topicPrefix: string) {
  return outboxEntry(
    'intake.ApplicationSubmitted.v1',
    {
      ...shareableFacts(application),
      submittedAt: application.createdAt.toISOString(),
      consents: {
        statistics: application.consents.statistics.granted,
        sharing: sharingAllowed(application.consents),
      },
    },
    application.createdAt,
    topicPrefix,
  );
}

export function applicationEvents(
  topicPrefix: string,
  nudge: (applicationId: string) => void,
): ApplicationEvents {
  return {
    submitted: (application) => applicationSubmittedEvent(application, topicPrefix),

    triaged(application) {
      const triage = application.triage;
      if (triage === undefined) throw new Error('triaged() needs a triaged application');
      return outboxEntry(
        'intake.ApplicationTriaged.v1',
        {
          applicationId: application.applicationId,
          founderId: application.founderId,
          decision: triage.decision,
          reasonCodes: triage.reasonCodes,
          ...(triage.referredTo === undefined ? {} : { referredTo: triage.referredTo }),
          triagedAt: triage.triagedAt.toISOString(),
          ...(triage.triagedBy === undefined ? {} : { triagedBy: triage.triagedBy }),
          ...(triage.overrulesAutomatic ? { overrulesAutomatic: true } : {}),
        },
        triage.triagedAt,
        topicPrefix,
      );
    },

    withdrawn: (application, reasonCode) =>
      outboxEntry(
        'intake.ApplicationWithdrawn.v1',
        {
          applicationId: application.applicationId,
          founderId: application.founderId,
          ...(reasonCode === undefined ? {} : { reasonCode }),
          withdrawnAt: application.updatedAt.toISOString(),
        },
        application.updatedAt,
        topicPrefix,
      ),

    consentChanged: (application, change) =>
      outboxEntry(
        'intake.ConsentChanged.v1',
        {
          applicationId: application.applicationId,
          founderId: application.founderId,
          consent: change.consent,
          ...(change.partnerCategory === undefined
            ? {}
            : { partnerCategory: change.partnerCategory }),
          granted: change.granted,
          textVersion: change.textVersion,
          changedAt: change.at.toISOString(),
        },
        change.at,
        topicPrefix,
      ),

    erasureRequested: (application, erasureId, applicationIds, at) =>
      outboxEntry(
        'intake.FounderErasureRequested.v1',
        {
          erasureId,
          founderId: application.founderId,
          applicationIds,
          requestedAt: at.toISOString(),
        },
        at,
        topicPrefix,
      ),

    written: nudge,
  };
}
