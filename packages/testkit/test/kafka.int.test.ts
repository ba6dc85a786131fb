import { Kafka, logLevel, type EachMessagePayload } from 'kafkajs';
import { testInfrastructure, uniqueGroup, uniqueTopic, waitFor } from '../src';

describe('Kafka through kafkajs (smoke)', () => {
  const kafka = new Kafka({
    clientId: 'testkit-smoke',
    brokers: testInfrastructure().kafkaBrokers,
    logLevel: logLevel.WARN,
  });

  it('produces to a fresh topic and a consumer group reads back every message in order', async () => {
    const topic = uniqueTopic('smoke');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const sent = Array.from({ length: 20 }, (_, index) => `message-${index}`);
    await producer.send({
      topic,
      messages: sent.map((value) => ({ key: 'founder-1', value })),
    });
    await producer.disconnect();

    const received: string[] = [];
    const consumer = kafka.consumer({ groupId: uniqueGroup('smoke') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }: EachMessagePayload) => {
        received.push(message.value?.toString() ?? '');
      },
    });
    try {
      await waitFor(() => received.length >= sent.length, {
        description: `${sent.length} messages on ${topic}`,
      });
    } finally {
      await consumer.disconnect();
    }
    expect(received).toEqual(sent);
  });
});
