import { type Topic } from '@grunderboost/contracts';
import {
  deadLetterTopicOf,
  ensureTopics as ensureTopicsOf,
  prefixedTopic,
} from '@grunderboost/messaging';
import type { Kafka } from 'kafkajs';

/** The topics the metrics projection reads, before the deployment prefix. */
export const CONSUMED_TOPICS: readonly Topic[] = [
  'intake.applications',
  'counselling.assignments',
  'counselling.appointments',
  'counselling.milestones',
  'followup.outcomes',
];

export const consumedTopics = (prefix: string): string[] =>
  CONSUMED_TOPICS.map((topic) => prefixedTopic(prefix, topic));

/** The topics with their dead-letter topics, created up front (see messaging's ensureTopics). */
export function ensureTopics(kafka: Kafka, topics: string[]): Promise<void> {
  return ensureTopicsOf(
    kafka,
    topics.flatMap((topic) => [topic, deadLetterTopicOf(topic)]),
  );
}
