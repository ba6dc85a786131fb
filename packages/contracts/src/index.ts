export { eventEnvelopeSchema, type EventEnvelope } from './envelope';
export { type AnyEvent, type EventDataMap, type EventOf, type EventType } from './event-map';
export {
  createEvent,
  keyOf,
  parseEvent,
  type CreateEventInput,
  type ParseEventResult,
} from './events';
export { definitionOf, eventTypes, isEventType, topicOf, type EventDefinition } from './registry';
export { deadLetterTopic, topicInfo, topics, type Topic, type TopicInfo } from './topics';
export { buildAsyncApiDocument, renderAsyncApiYaml } from './asyncapi';

export * from './intake/application-submitted.v1';
export * from './intake/application-triaged.v1';
export * from './intake/application-withdrawn.v1';
export * from './intake/consent-changed.v1';
export * from './intake/founder-erasure-requested.v1';
export * from './intake/application-fields';
export { appointmentKinds, appointmentModes } from './counselling/appointment-fields.v1';
export * from './counselling/appointment-booked.v1';
export * from './counselling/appointment-rescheduled.v1';
export * from './counselling/appointment-cancelled.v1';
export * from './counselling/appointment-completed.v1';
export * from './counselling/appointment-no-show.v1';
export * from './counselling/counsellor-assigned.v1';
export * from './counselling/counsellor-reassigned.v1';
export * from './counselling/case-closed.v1';
export * from './counselling/milestone-reached.v1';
export * from './journey/stage-changed.v1';
export * from './followup/outcome-reported.v1';
export * from './followup/company-registration-verified.v1';
