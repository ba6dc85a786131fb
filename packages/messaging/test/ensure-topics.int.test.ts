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
});
