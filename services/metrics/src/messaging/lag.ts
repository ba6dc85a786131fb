import type { Kafka } from 'kafkajs';

/**
 * How many messages of the topics the group has not committed yet (0: caught up). A partition
 * the group never committed counts from its low watermark: everything still on it is lag.
 */
export async function groupLag(kafka: Kafka, groupId: string, topics: string[]): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics });
    let lag = 0;
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const mine = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
      for (const end of ends) {
        const offset = Number(mine.find((p) => p.partition === end.partition)?.offset ?? '-1');
        const start = offset < 0 ? Number(end.low) : offset;
        lag += Math.max(0, Number(end.high) - start);
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}
