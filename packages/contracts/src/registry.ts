import { type z } from 'zod';
import { appointmentBookedV1Schema } from './counselling/appointment-booked.v1';
import { appointmentCancelledV1Schema } from './counselling/appointment-cancelled.v1';
import { appointmentCompletedV1Schema } from './counselling/appointment-completed.v1';
import { appointmentNoShowV1Schema } from './counselling/appointment-no-show.v1';
import { appointmentRescheduledV1Schema } from './counselling/appointment-rescheduled.v1';
import { caseClosedV1Schema } from './counselling/case-closed.v1';
import { counsellorAssignedV1Schema } from './counselling/counsellor-assigned.v1';
import { counsellorReassignedV1Schema } from './counselling/counsellor-reassigned.v1';
import { milestoneReachedV1Schema } from './counselling/milestone-reached.v1';
import { type EventDataMap, type EventType } from './event-map';
import { companyRegistrationVerifiedV1Schema } from './followup/company-registration-verified.v1';
import { outcomeReportedV1Schema } from './followup/outcome-reported.v1';
import { applicationSubmittedV1Schema } from './intake/application-submitted.v1';
import { applicationTriagedV1Schema } from './intake/application-triaged.v1';
import { applicationWithdrawnV1Schema } from './intake/application-withdrawn.v1';
import { consentChangedV1Schema } from './intake/consent-changed.v1';
import { founderErasureRequestedV1Schema } from './intake/founder-erasure-requested.v1';
import { stageChangedV1Schema } from './journey/stage-changed.v1';
import { type Topic } from './topics';

export interface EventDefinition<K extends EventType = EventType> {
  /** `<context>.<name>.v<version>`, the CloudEvents `type`. */
  type: K;
  context: string;
  name: string;
  version: number;
  topic: Topic;
  /** One sentence; becomes the AsyncAPI message summary. */
  description: string;
  schema: z.ZodType<EventDataMap[K]>;
}

/**
 * Every event version ever published. Old versions stay here for good: consumers may still
 * read them from the topics' retention or from a dead-letter replay.
 */
const definitions: { readonly [K in EventType]: EventDefinition<K> } = {
  'intake.ApplicationSubmitted.v1': {
    type: 'intake.ApplicationSubmitted.v1',
    context: 'intake',
    name: 'ApplicationSubmitted',
    version: 1,
    topic: 'intake.applications',
    description: 'A founder has submitted an application for guidance.',
    schema: applicationSubmittedV1Schema,
  },
  'intake.ApplicationTriaged.v1': {
    type: 'intake.ApplicationTriaged.v1',
    context: 'intake',
    name: 'ApplicationTriaged',
    version: 1,
    topic: 'intake.applications',
    description: 'An application has been accepted, referred to a partner or declined.',
    schema: applicationTriagedV1Schema,
  },
  'intake.ApplicationWithdrawn.v1': {
    type: 'intake.ApplicationWithdrawn.v1',
    context: 'intake',
    name: 'ApplicationWithdrawn',
    version: 1,
    topic: 'intake.applications',
    description: 'A founder has withdrawn their application.',
    schema: applicationWithdrawnV1Schema,
  },
  'intake.ConsentChanged.v1': {
    type: 'intake.ConsentChanged.v1',
    context: 'intake',
    name: 'ConsentChanged',
    version: 1,
    topic: 'intake.applications',
    description: 'A founder has given or withdrawn one of their consents.',
    schema: consentChangedV1Schema,
  },
  'intake.FounderErasureRequested.v1': {
    type: 'intake.FounderErasureRequested.v1',
    context: 'intake',
    name: 'FounderErasureRequested',
    version: 1,
    topic: 'intake.applications',
    description: 'A founder has asked for their personal data to be erased in every service.',
    schema: founderErasureRequestedV1Schema,
  },
  'counselling.CounsellorAssigned.v1': {
    type: 'counselling.CounsellorAssigned.v1',
    context: 'counselling',
    name: 'CounsellorAssigned',
    version: 1,
    topic: 'counselling.assignments',
    description: 'A counsellor has been assigned to a founder.',
    schema: counsellorAssignedV1Schema,
  },
  'counselling.CounsellorReassigned.v1': {
    type: 'counselling.CounsellorReassigned.v1',
    context: 'counselling',
    name: 'CounsellorReassigned',
    version: 1,
    topic: 'counselling.assignments',
    description: "A founder's case has moved to another counsellor.",
    schema: counsellorReassignedV1Schema,
  },
  'counselling.CaseClosed.v1': {
    type: 'counselling.CaseClosed.v1',
    context: 'counselling',
    name: 'CaseClosed',
    version: 1,
    topic: 'counselling.assignments',
    description: "A founder's counselling case has been closed.",
    schema: caseClosedV1Schema,
  },
  'counselling.AppointmentBooked.v1': {
    type: 'counselling.AppointmentBooked.v1',
    context: 'counselling',
    name: 'AppointmentBooked',
    version: 1,
    topic: 'counselling.appointments',
    description: 'An appointment between a founder and their counsellor has been booked.',
    schema: appointmentBookedV1Schema,
  },
  'counselling.AppointmentRescheduled.v1': {
    type: 'counselling.AppointmentRescheduled.v1',
    context: 'counselling',
    name: 'AppointmentRescheduled',
    version: 1,
    topic: 'counselling.appointments',
    description: 'A booked appointment has been moved to another time slot.',
    schema: appointmentRescheduledV1Schema,
  },
  'counselling.AppointmentCancelled.v1': {
    type: 'counselling.AppointmentCancelled.v1',
    context: 'counselling',
    name: 'AppointmentCancelled',
    version: 1,
    topic: 'counselling.appointments',
    description: 'A booked appointment has been cancelled by the founder or the counsellor.',
    schema: appointmentCancelledV1Schema,
  },
  'counselling.AppointmentCompleted.v1': {
    type: 'counselling.AppointmentCompleted.v1',
    context: 'counselling',
    name: 'AppointmentCompleted',
    version: 1,
    topic: 'counselling.appointments',
    description: 'An appointment has taken place.',
    schema: appointmentCompletedV1Schema,
  },
  'counselling.AppointmentNoShow.v1': {
    type: 'counselling.AppointmentNoShow.v1',
    context: 'counselling',
    name: 'AppointmentNoShow',
    version: 1,
    topic: 'counselling.appointments',
    description: 'The founder did not attend a booked appointment.',
    schema: appointmentNoShowV1Schema,
  },
  'counselling.MilestoneReached.v1': {
    type: 'counselling.MilestoneReached.v1',
    context: 'counselling',
    name: 'MilestoneReached',
    version: 1,
    topic: 'counselling.milestones',
    description: 'A founder has reached a milestone on the way to a running business.',
    schema: milestoneReachedV1Schema,
  },
  'journey.StageChanged.v1': {
    type: 'journey.StageChanged.v1',
    context: 'journey',
    name: 'StageChanged',
    version: 1,
    topic: 'journey.stages',
    description: "A founder's journey has moved from one stage to another.",
    schema: stageChangedV1Schema,
  },
  'followup.OutcomeReported.v1': {
    type: 'followup.OutcomeReported.v1',
    context: 'followup',
    name: 'OutcomeReported',
    version: 1,
    topic: 'followup.outcomes',
    description: 'A founder has reported how their company is doing in a follow-up.',
    schema: outcomeReportedV1Schema,
  },
  'followup.CompanyRegistrationVerified.v1': {
    type: 'followup.CompanyRegistrationVerified.v1',
    context: 'followup',
    name: 'CompanyRegistrationVerified',
    version: 1,
    topic: 'followup.outcomes',
    description: "A founder's company has been checked in the public company register.",
    schema: companyRegistrationVerifiedV1Schema,
  },
};

/** All registered event types, in registry order (which the AsyncAPI document follows). */
export const eventTypes = Object.keys(definitions) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(definitions, type);
}

export function definitionOf<K extends EventType>(type: K): EventDefinition<K> {
  return definitions[type];
}

export function topicOf(type: EventType): Topic {
  return definitions[type].topic;
}
