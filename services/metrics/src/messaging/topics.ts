import { type Topic } from '@grunderboost/contracts';
import { deadLetterTopicOf, prefixedTopic } from '@grunderboost/messaging';
import type { Kafka } from 'kafkajs';

/** The topics the metrics projection reads, before the deployment prefix. */
export const CONSUMED_TOPICS: readonly Topic[] = [
  'intake.applications',
  'counselling.assignments',
  'counselling.appointments',
  'counselling.milestones',
  'followup.outcomes',
];

export const consumedTopics = (prefix: string): string[] =>
  CONSUMED_TOPICS.map((topic) => prefixedTopic(prefix, topic));

/**
 * Creates the topics and their dead-letter topics unless they exist. Up front, because a
 * topic the broker auto-creates on first use gets the broker's default partition count.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  numPartitions = 3,
): Promise<void> {
  const wanted = topics.flatMap((topic) => [topic, deadLetterTopicOf(topic)]);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        topics: missing.map((topic) => ({ topic, numPartitions })),
        waitForLeaders: true,
      });
    }
  } finally {
    await admin.disconnect();
  }
}
