import { uniqueTopic } from '@grunderboost/testkit';
import { ensureTopics } from '../src';
import { testKafka } from './helpers';

describe('ensureTopics', () => {
  it('creates the missing topics with the partitions asked for, each with a leader, and may run again', async () => {
    const kafka = testKafka();
    const topics = [uniqueTopic('ensure-a'), uniqueTopic('ensure-b')];
    await ensureTopics(kafka, topics, { numPartitions: 2 });
    await ensureTopics(kafka, topics); // already there: nothing to do, no error

    const admin = kafka.admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics });
      expect(metadata.topics.map((t) => t.partitions.length)).toEqual([2, 2]);
      for (const topic of metadata.topics) {
        for (const partition of topic.partitions)
          expect(partition.leader).toBeGreaterThanOrEqual(0);
      }
    } finally {
      await admin.disconnect();
    }
  });

  it('lets several services create the same new topics at once, as the stack starts them together', async () => {
    // Right after a creation the broker may answer "does not host this topic-partition" to a
    // metadata request; kafkajs's own wait for leaders gave up on that and a service's start failed.
    for (let round = 0; round < 5; round += 1) {
      const topics = Array.from({ length: 6 }, (_, i) => uniqueTopic(`ensure-race-${round}-${i}`));
      const services = Array.from({ length: 4 }, () => testKafka());
      await Promise.all(services.map((kafka) => ensureTopics(kafka, topics)));

      const admin = services[0]!.admin();
      await admin.connect();
      try {
        const metadata = await admin.fetchTopicMetadata({ topics });
        expect(metadata.topics).toHaveLength(topics.length);
        for (const topic of metadata.topics) {
          expect(topic.partitions).toHaveLength(3);
          for (const partition of topic.partitions)
            expect(partition.leader).toBeGreaterThanOrEqual(0);
        }
      } finally {
        await admin.disconnect();
      }
    }
  });
});
