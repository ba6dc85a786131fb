import { topicOf, type EventType } from '@grunderboost/contracts';
import { prefixedTopic } from '@grunderboost/messaging';
import type { Kafka } from 'kafkajs';

const PRODUCED: EventType[] = [
  'counselling.CounsellorAssigned.v1',
  'counselling.AppointmentBooked.v1',
  'counselling.MilestoneReached.v1',
];

/** The topics counselling publishes to (assignments, appointments, milestones), prefixed. */
export const producedTopics = (prefix: string): string[] => [
  ...new Set(PRODUCED.map((type) => prefixedTopic(prefix, topicOf(type)))),
];

/**
 * Creates missing topics up front: one the broker auto-creates on first use gets the broker's
 * default partition count, and the first publish would wait for its leader election.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], numPartitions = 3) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      // Resolves false (no error) when another process created them meanwhile.
      await admin.createTopics({
        topics: missing.map((topic) => ({ topic, numPartitions })),
        waitForLeaders: true,
      });
    }
  } finally {
    await admin.disconnect();
  }
}
