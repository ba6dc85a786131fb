import { topicOf } from '@grunderboost/contracts';
import { prefixedTopic } from '@grunderboost/messaging';
import type { Kafka } from 'kafkajs';

/** The topics follow-up publishes to, with the deployment prefix. */
export const producedTopics = (prefix: string): string[] => [
  prefixedTopic(prefix, topicOf('followup.OutcomeReported.v1')),
];

/** The topic whose erasure requests this service follows. */
export const erasureTopic = (prefix: string): string =>
  prefixedTopic(prefix, topicOf('intake.FounderErasureRequested.v1'));

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
      await admin.createTopics({
        topics: missing.map((topic) => ({ topic, numPartitions })),
        waitForLeaders: true,
      });
    }
  } finally {
    await admin.disconnect();
  }
}
