import type { EventEnvelope } from './envelope';
import type { AppointmentBookedV1 } from './counselling/appointment-booked.v1';
import type { AppointmentCancelledV1 } from './counselling/appointment-cancelled.v1';
import type { AppointmentCompletedV1 } from './counselling/appointment-completed.v1';
import type { AppointmentNoShowV1 } from './counselling/appointment-no-show.v1';
import type { AppointmentRescheduledV1 } from './counselling/appointment-rescheduled.v1';
import type { CaseClosedV1 } from './counselling/case-closed.v1';
import type { CounsellorAssignedV1 } from './counselling/counsellor-assigned.v1';
import type { CounsellorReassignedV1 } from './counselling/counsellor-reassigned.v1';
import type { MilestoneReachedV1 } from './counselling/milestone-reached.v1';
import type { CompanyRegistrationVerifiedV1 } from './followup/company-registration-verified.v1';
import type { OutcomeReportedV1 } from './followup/outcome-reported.v1';
import type { ApplicationSubmittedV1 } from './intake/application-submitted.v1';
import type { ApplicationTriagedV1 } from './intake/application-triaged.v1';
import type { ApplicationWithdrawnV1 } from './intake/application-withdrawn.v1';
import type { ConsentChangedV1 } from './intake/consent-changed.v1';
import type { FounderErasureRequestedV1 } from './intake/founder-erasure-requested.v1';
import type { StageChangedV1 } from './journey/stage-changed.v1';

/**
 * Event type → data type. This is what makes `createEvent('x', …)` accept only the data of 'x';
 * the registry is typed against it, so a schema that disagrees with this map does not compile.
 */
export interface EventDataMap {
  'intake.ApplicationSubmitted.v1': ApplicationSubmittedV1;
  'intake.ApplicationTriaged.v1': ApplicationTriagedV1;
  'intake.ApplicationWithdrawn.v1': ApplicationWithdrawnV1;
  'intake.ConsentChanged.v1': ConsentChangedV1;
  'intake.FounderErasureRequested.v1': FounderErasureRequestedV1;
  'counselling.CounsellorAssigned.v1': CounsellorAssignedV1;
  'counselling.CounsellorReassigned.v1': CounsellorReassignedV1;
  'counselling.CaseClosed.v1': CaseClosedV1;
  'counselling.AppointmentBooked.v1': AppointmentBookedV1;
  'counselling.AppointmentRescheduled.v1': AppointmentRescheduledV1;
  'counselling.AppointmentCancelled.v1': AppointmentCancelledV1;
  'counselling.AppointmentCompleted.v1': AppointmentCompletedV1;
  'counselling.AppointmentNoShow.v1': AppointmentNoShowV1;
  'counselling.MilestoneReached.v1': MilestoneReachedV1;
  'journey.StageChanged.v1': StageChangedV1;
  'followup.OutcomeReported.v1': OutcomeReportedV1;
  'followup.CompanyRegistrationVerified.v1': CompanyRegistrationVerifiedV1;
}

export type EventType = keyof EventDataMap;

/** The envelope of one specific event type. */
export type EventOf<K extends EventType> = EventEnvelope<K, EventDataMap[K]>;

/** Any known event; narrowing on `type` narrows `data`. */
export type AnyEvent = { [K in EventType]: EventOf<K> }[EventType];
