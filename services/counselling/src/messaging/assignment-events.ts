import { createEvent, keyOf, topicOf } from '@grunderboost/contracts';
import { prefixedTopic, type OutboxEvent } from '@grunderboost/messaging';
import type { AssignmentEvents } from '../app/ports';
import type { Assignment } from '../domain/assignment';

export const EVENT_SOURCE = '/services/counselling';

/** The outbox entry of counselling.CounsellorAssigned.v1 (ids and codes only). */
export function counsellorAssignedEvent(assignment: Assignment, topicPrefix: string) {
  const assignedAt = assignment.assignedAt.toISOString();
  const event = createEvent('counselling.CounsellorAssigned.v1', {
    data: {
      assignmentId: assignment.assignmentId,
      founderId: assignment.founderId,
      applicationId: assignment.applicationId,
      counsellorId: assignment.counsellorId,
      reasonCode: assignment.reasonCode,
      assignedAt,
    },
    source: EVENT_SOURCE,
    time: assignedAt,
  });
  const outboxEvent: OutboxEvent = {
    id: event.id,
    topic: prefixedTopic(topicPrefix, topicOf(event.type)),
    key: keyOf(event),
    event,
  };
  return outboxEvent;
}

export function assignmentEvents(topicPrefix: string, nudge: () => void): AssignmentEvents {
  return {
    assigned: (assignment) => counsellorAssignedEvent(assignment, topicPrefix),
    written: nudge,
  };
}
