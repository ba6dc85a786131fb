import { type EventDataMap, type EventType } from '@grunderboost/contracts';
import { type OutboxEvent, outboxEventBuilder } from '@grunderboost/messaging';
import type { CounsellingEvents } from '../app/ports';
import type { Appointment } from '../domain/appointment';
import type { Case } from '../domain/case';

export const EVENT_SOURCE = '/services/counselling';

/** The outbox entry of one event from this service (see messaging's outboxEventBuilder). */
const outboxEventOf = <K extends EventType>(
  type: K,
  data: EventDataMap[K],
  time: Date,
  topicPrefix: string,
): OutboxEvent => outboxEventBuilder(EVENT_SOURCE, topicPrefix)(type, data, time);

const slotFields = (a: Appointment) => ({
  appointmentId: a.appointmentId,
  founderId: a.founderId,
  counsellorId: a.counsellorId,
  kind: a.kind,
  mode: a.mode,
  startsAt: a.startsAt.toISOString(),
  endsAt: a.endsAt.toISOString(),
});

const closedAt = (a: Appointment) => a.closedAt ?? a.startsAt;

function caseEvents(prefix: string) {
  return {
    assigned: (c: Case) =>
      outboxEventOf(
        'counselling.CounsellorAssigned.v1',
        {
          assignmentId: c.caseId,
          founderId: c.founderId,
          applicationId: c.applicationId,
          counsellorId: c.counsellorId,
          reasonCode: c.reasonCode,
          assignedAt: c.assignedAt.toISOString(),
        },
        c.assignedAt,
        prefix,
      ),
    reassigned: (c: Case, fromCounsellorId: string) =>
      outboxEventOf(
        'counselling.CounsellorReassigned.v1',
        {
          assignmentId: c.caseId,
          founderId: c.founderId,
          applicationId: c.applicationId,
          fromCounsellorId,
          toCounsellorId: c.counsellorId,
          reasonCode: c.reasonCode,
          reassignedAt: c.assignedAt.toISOString(),
        },
        c.assignedAt,
        prefix,
      ),
    closed: (c: Case) => {
      const at = c.closedAt ?? c.assignedAt;
      return outboxEventOf(
        'counselling.CaseClosed.v1',
        {
          assignmentId: c.caseId,
          founderId: c.founderId,
          counsellorId: c.counsellorId,
          reasonCode: c.closeReasonCode ?? 'closed',
          closedAt: at.toISOString(),
        },
        at,
        prefix,
      );
    },
  };
}

function appointmentEvents(prefix: string) {
  return {
    booked: (a: Appointment) =>
      outboxEventOf('counselling.AppointmentBooked.v1', slotFields(a), a.bookedAt, prefix),
    rescheduled: (a: Appointment, previous: Date) =>
      outboxEventOf(
        'counselling.AppointmentRescheduled.v1',
        { ...slotFields(a), previousStartsAt: previous.toISOString() },
        new Date(),
        prefix,
      ),
    cancelled: (a: Appointment) =>
      outboxEventOf(
        'counselling.AppointmentCancelled.v1',
        {
          ...slotFields(a),
          // A lead cancels on the counsellor's side of the meeting.
          cancelledBy: a.cancelledBy === 'founder' ? 'founder' : 'counsellor',
          reasonCode: a.cancelReasonCode ?? 'unspecified',
        },
        closedAt(a),
        prefix,
      ),
    completed: (a: Appointment) =>
      outboxEventOf(
        'counselling.AppointmentCompleted.v1',
        { ...slotFields(a), completedAt: closedAt(a).toISOString() },
        closedAt(a),
        prefix,
      ),
    noShow: (a: Appointment) =>
      outboxEventOf(
        'counselling.AppointmentNoShow.v1',
        { ...slotFields(a), recordedAt: closedAt(a).toISOString() },
        closedAt(a),
        prefix,
      ),
  };
}

export function counsellingEvents(topicPrefix: string, nudge: () => void): CounsellingEvents {
  return {
    ...caseEvents(topicPrefix),
    ...appointmentEvents(topicPrefix),
    milestone: (founderId, reached, at) =>
      outboxEventOf(
        'counselling.MilestoneReached.v1',
        {
          milestoneId: reached.milestoneId,
          founderId,
          milestone:
            reached.milestone as EventDataMap['counselling.MilestoneReached.v1']['milestone'],
          ...(reached.organisationNumber === undefined
            ? {}
            : { organisationNumber: reached.organisationNumber }),
          reachedAt: at.toISOString(),
        },
        at,
        topicPrefix,
      ),
    written: nudge,
  };
}
