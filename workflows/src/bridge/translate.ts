import type { AnyEvent, EventOf, EventType } from '@grunderboost/contracts';
import type { JourneyEvent } from '../workflows/journey-model';

type Translator<K extends EventType> = (event: EventOf<K>) => JourneyEvent;

/**
 * What each followed Kafka event means for the founder's journey. Events not listed (consents,
 * erasure, outcomes) are not followed: the journey holds ids and codes only, personal data stays
 * in intake.
 */
const translators: { [K in EventType]?: Translator<K> } = {
  'intake.ApplicationSubmitted.v1': ({ id, data }) => ({
    eventId: id,
    kind: 'submitted',
    applicationId: data.applicationId,
    municipality: data.municipality,
    focusArea: data.focusArea,
    language: data.language,
    sector: data.sector,
  }),
  'intake.ApplicationTriaged.v1': ({ id, data }) => ({
    eventId: id,
    kind: 'triaged',
    applicationId: data.applicationId,
    decision: data.decision,
  }),
  'intake.ApplicationWithdrawn.v1': ({ id, data }) => ({
    eventId: id,
    kind: 'withdrawn',
    applicationId: data.applicationId,
  }),
  'counselling.CounsellorAssigned.v1': ({ id, data }) => ({
    eventId: id,
    kind: 'assigned',
    counsellorId: data.counsellorId,
  }),
  'counselling.CounsellorReassigned.v1': ({ id, data }) => ({
    eventId: id,
    kind: 'assigned',
    counsellorId: data.toCounsellorId,
  }),
  'counselling.CaseClosed.v1': ({ id, data }) => ({
    eventId: id,
    kind: 'case-closed',
    reasonCode: data.reasonCode,
  }),
  'counselling.AppointmentBooked.v1': ({ id }) => ({ eventId: id, kind: 'session-booked' }),
  'counselling.AppointmentCompleted.v1': ({ id }) => ({ eventId: id, kind: 'session-held' }),
  'counselling.AppointmentRescheduled.v1': ({ id }) => ({ eventId: id, kind: 'activity' }),
  'counselling.AppointmentCancelled.v1': ({ id }) => ({ eventId: id, kind: 'activity' }),
  'counselling.AppointmentNoShow.v1': ({ id }) => ({ eventId: id, kind: 'activity' }),
  'counselling.MilestoneReached.v1': ({ id, data }) =>
    data.milestone === 'company-registered'
      ? { eventId: id, kind: 'company-registered' }
      : { eventId: id, kind: 'activity' },
};

export function journeyEventOf(event: AnyEvent): JourneyEvent | undefined {
  const translate = translators[event.type] as Translator<typeof event.type> | undefined;
  return translate?.(event);
}

/** The topics the bridge consumes (before the prefix). */
export const BRIDGE_TOPICS = [
  'intake.applications',
  'counselling.assignments',
  'counselling.appointments',
  'counselling.milestones',
];
