import { createEvent, keyOf, topicOf } from '@grunderboost/contracts';
import { prefixedTopic, type OutboxEvent } from '@grunderboost/messaging';
import type { ApplicationEvents } from '../app/ports';
import { shareableFacts, type Application } from '../domain/application';

export const EVENT_SOURCE = '/services/intake';

/** The outbox entry of intake.ApplicationSubmitted.v1: codes and ids only, never the contact. */
export function applicationSubmittedEvent(application: Application, topicPrefix: string) {
  const submittedAt = application.createdAt.toISOString();
  const event = createEvent('intake.ApplicationSubmitted.v1', {
    data: { ...shareableFacts(application), submittedAt },
    source: EVENT_SOURCE,
    time: submittedAt,
  });
  const outboxEvent: OutboxEvent = {
    id: event.id,
    topic: prefixedTopic(topicPrefix, topicOf(event.type)),
    key: keyOf(event),
    event,
  };
  return outboxEvent;
}

export function applicationEvents(topicPrefix: string, nudge: () => void): ApplicationEvents {
  return {
    submitted: (application) => applicationSubmittedEvent(application, topicPrefix),
    written: nudge,
  };
}
