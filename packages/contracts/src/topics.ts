/**
 * Kafka topics, named `<context>.<entity>`. Every message on them is keyed by the founder id
 * (the envelope subject), so one founder's events keep their order within a partition.
 */
export const topics = [
  'intake.applications',
  'counselling.assignments',
  'counselling.appointments',
  'counselling.milestones',
  'journey.stages',
  'followup.outcomes',
] as const;

export type Topic = (typeof topics)[number];

export interface TopicInfo {
  /** One sentence for the AsyncAPI channel. */
  description: string;
  /** Who publishes to the topic; the AsyncAPI operations are written from its point of view. */
  producer: string;
}

export const topicInfo: Readonly<Record<Topic, TopicInfo>> = {
  'intake.applications': {
    description: 'Applications of founders for guidance, from submission to triage.',
    producer: 'the intake service',
  },
  'counselling.assignments': {
    description: 'Assignments of counsellors to founders, reassignments and closed cases.',
    producer: 'the counselling service',
  },
  'counselling.appointments': {
    description: 'The lifecycle of appointments between founders and counsellors.',
    producer: 'the counselling service',
  },
  'counselling.milestones': {
    description: 'Milestones founders reach on their way to a running business.',
    producer: 'the counselling service',
  },
  'journey.stages': {
    description: 'Stage changes of the founder journey, from submission to closing.',
    producer: 'the founder journey workflow',
  },
  'followup.outcomes': {
    description: 'Outcomes founders report in the follow-ups after their company is registered.',
    producer: 'the follow-up service',
  },
};

/**
 * The dead-letter topic of a topic: where a consumer parks a message it cannot process after its
 * retries, so that one poison message does not block the founder's partition.
 */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
