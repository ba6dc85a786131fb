import { topicOf, type EventType } from '@grunderboost/contracts';
import { prefixedTopic } from '@grunderboost/messaging';

const PRODUCED: EventType[] = [
  'counselling.CounsellorAssigned.v1',
  'counselling.AppointmentBooked.v1',
  'counselling.MilestoneReached.v1',
];

/** The topics counselling publishes to (assignments, appointments, milestones), prefixed. */
export const producedTopics = (prefix: string): string[] => [
  ...new Set(PRODUCED.map((type) => prefixedTopic(prefix, topicOf(type)))),
];
