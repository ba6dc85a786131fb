import type { Admin, Kafka } from 'kafkajs';
import { sleep } from './backoff';

export interface EnsureTopicsOptions {
  numPartitions?: number;
  /** How long to wait for every partition to have a leader; default 30 s. */
  timeoutMs?: number;
}

async function allHaveLeaders(admin: Admin, topics: string[]): Promise<boolean> {
  try {
    const metadata = await admin.fetchTopicMetadata({ topics });
    return metadata.topics.every((t) => t.partitions.every((p) => p.leader >= 0));
  } catch {
    // A broker may answer "does not host this topic-partition" for a moment after the
    // creation, before its metadata has caught up with the controller's: not yet, so retry.
    return false;
  }
}

/**
 * Creates the missing topics up front and waits until every partition has a leader: a topic the
 * broker auto-creates on first use gets the broker's default partition count, and the first
 * publish would race its leader election. Safe when another process creates them meanwhile.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  options: EnsureTopicsOptions = {},
): Promise<void> {
  const numPartitions = options.numPartitions ?? 3;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      // The wait for leaders is ours (below): kafkajs's own gives up when the broker answers
      // "does not host this topic-partition", which it does for a moment after a creation
      // under load (a service's start failed on it in CI).
      await admin.createTopics({
        topics: missing.map((topic) => ({ topic, numPartitions })),
        waitForLeaders: false,
      });
    }
    while (!(await allHaveLeaders(admin, topics))) {
      if (Date.now() >= deadline) {
        throw new Error(
          `topics have no leader after ${options.timeoutMs ?? 30_000} ms: ${topics.join(', ')}`,
        );
      }
      await sleep(100);
    }
  } finally {
    await admin.disconnect();
  }
}
