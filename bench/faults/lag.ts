import { benchKafka } from '../lib/kafka';

/**
 * Messages on the topics a group has not committed yet (0: caught up), and how many the topics
 * hold. A partition the group never committed counts from its low watermark.
 */
export async function lagOf(brokers: string[], groupId: string, topics: string[]) {
  const admin = benchKafka(brokers, 'bench-faults-lag').admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics });
    let lag = 0;
    let held = 0;
    for (const topic of topics) {
      const mine = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
      for (const end of await admin.fetchTopicOffsets(topic)) {
        const at = Number(mine.find((p) => p.partition === end.partition)?.offset ?? '-1');
        lag += Math.max(0, Number(end.high) - (at < 0 ? Number(end.low) : at));
        held += Number(end.high) - Number(end.low);
      }
    }
    return { lag, held };
  } finally {
    await admin.disconnect();
  }
}

/** Moves a group (no member may be in it) back to the first offset of every partition. */
export async function resetToEarliest(brokers: string[], groupId: string, topics: string[]) {
  const admin = benchKafka(brokers, 'bench-faults-reset').admin();
  await admin.connect();
  try {
    for (const topic of topics) await admin.resetOffsets({ groupId, topic, earliest: true });
  } finally {
    await admin.disconnect();
  }
}
