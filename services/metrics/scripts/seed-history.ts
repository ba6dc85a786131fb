/**
 * Publishes a synthetic history (FOUNDERS journeys of about six events) to the topics under
 * KAFKA_TOPIC_PREFIX, to measure the rebuild:  FOUNDERS=500 KAFKA_TOPIC_PREFIX=bench tsx ...
 */
import { keyOf, topicOf } from '@grunderboost/contracts';
import { createKafka, createProducer, prefixedTopic } from '@grunderboost/messaging';
import pino from 'pino';
import { consumedTopics, ensureTopics } from '../src/messaging/topics';
import * as build from '../test/builders';

async function main(): Promise<void> {
  const founders = Number(process.env.FOUNDERS ?? '500');
  const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const kafka = createKafka({ clientId: 'metrics-seed', brokers, logger: pino({ level: 'warn' }) });
  await ensureTopics(kafka, consumedTopics(prefix));
  const producer = createProducer(kafka);
  await producer.connect();
  let sent = 0;
  for (let n = 0; n < founders; n++) {
    const founder = build.newFounder();
    const municipality = ['3301', '3312', '3314', '3303'][n % 4] ?? '3301';
    const events = [
      build.submitted(founder, { municipality, submittedAt: `2026-0${1 + (n % 9)}-05T10:00:00Z` }),
      build.triaged(founder),
      build.assigned(founder),
      build.completed(founder, '2026-10-01T09:00:00.000Z'),
      build.noShow(founder, '2026-10-08T09:00:00.000Z'),
      build.outcome(founder, { months: 3, fte: 1 + (n % 3), at: '2027-01-10T00:00:00.000Z' }),
    ];
    await producer.send(
      events.map((event) => ({
        topic: prefixedTopic(prefix, topicOf(event.type)),
        key: keyOf(event),
        value: JSON.stringify(event),
      })),
    );
    sent += events.length;
  }
  await producer.disconnect();
  process.stdout.write(`published ${sent} events under prefix "${prefix}"\n`);
}

void main();
