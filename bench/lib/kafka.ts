// kafkajs is intake's dependency: the bench uses that copy (see mongo.ts for why).
import { Kafka, logLevel, type Admin } from '@grunderboost/intake/node_modules/kafkajs';

export { Kafka };

export function benchKafka(brokers: string[], clientId = 'bench'): Kafka {
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
}

async function withAdmin<T>(brokers: string[], use: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = benchKafka(brokers).admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Deletes a run's topics (all named `<prefix>.…`); returns their names. */
export function deletePrefixedTopics(brokers: string[], prefix: string): Promise<string[]> {
  return withAdmin(brokers, async (admin) => {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${prefix}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    return topics;
  });
}

/**
 * Creates topics (3 partitions, as the broker's default) and waits for their leaders. A busy
 * broker may answer "does not host this topic-partition" for a moment after the creation, and
 * kafkajs's leader wait gives up on that: try again (creating existing topics is a no-op).
 */
export async function createTopics(
  brokers: string[],
  topics: string[],
  partitions = 3,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await withAdmin(brokers, async (admin) => {
        await admin.createTopics({
          topics: topics.map((topic) => ({ topic, numPartitions: partitions })),
          waitForLeaders: true,
        });
      });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((done) => setTimeout(done, 1_000 * attempt));
    }
  }
}
