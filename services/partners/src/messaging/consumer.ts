import { parseEvent, type AnyEvent } from '@grunderboost/contracts';
import {
  mongoProcessedEvents,
  prefixedTopic,
  runConsumer,
  type MessagingMetrics,
} from '@grunderboost/messaging';
import type { Kafka } from 'kafkajs';
import type mongoose from 'mongoose';
import { applicationSubmitted, consentChanged, founderErasureRequested } from '../app/consents';
import type { Dependencies } from '../app/dependencies';
import { routeEvent } from '../app/route-event';
import { isDeliverable } from '../domain/partner';

export const CONSUMED_TOPICS = [
  'intake.applications',
  'counselling.assignments',
  'counselling.milestones',
  'followup.outcomes',
];

export const GROUP_ID = 'partners';

/** Consent events update the founder's record; outcome-type events go to the partners. */
export async function handleEvent(deps: Dependencies, event: AnyEvent): Promise<void> {
  if (event.type === 'intake.ApplicationSubmitted.v1') {
    return applicationSubmitted(deps, event.data);
  }
  if (event.type === 'intake.ConsentChanged.v1') return consentChanged(deps, event.data);
  if (event.type === 'intake.FounderErasureRequested.v1') {
    return founderErasureRequested(deps, event.data);
  }
  if (!isDeliverable(event.type)) return;
  await routeEvent(deps, {
    id: event.id,
    type: event.type,
    time: event.time,
    founderId: event.subject,
    data: event.data,
  });
}

export function startConsumer(
  deps: Dependencies,
  kafka: Kafka,
  connection: mongoose.Connection,
  prefix: string,
  metrics: MessagingMetrics,
) {
  return runConsumer<AnyEvent>({
    kafka,
    groupId: prefixedTopic(prefix, GROUP_ID),
    topics: CONSUMED_TOPICS.map((topic) => prefixedTopic(prefix, topic)),
    // parseEvent validates envelope and data with the contract's zod schemas.
    parse: (raw) => parseEvent(raw),
    eventId: (event) => event.id,
    handle: (event) => handleEvent(deps, event),
    processed: mongoProcessedEvents(connection, GROUP_ID),
    producer: deps.producer,
    logger: deps.logger,
    metrics,
  });
}
