import { prefixedTopic } from '@grunderboost/messaging';
import type { Kafka } from 'kafkajs';

/** One feed topic per partner: access can be granted per topic by the broker's ACLs. */
export const feedTopic = (prefix: string, partnerId: string) =>
  prefixedTopic(prefix, `partners.${partnerId}.feed`);

/** Creates missing topics up front; an auto-created one races the first publish. */
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
