import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { OutgoingMessage } from '../producer';

export const deadLetterTopicOf = (topic: string): string => `${topic}.dlq`;

export const DLQ_HEADERS = {
  error: 'dlq-error',
  reason: 'dlq-reason',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

export type DeadLetterReason = 'unparseable' | 'poison' | 'retries-exhausted';

export function headersAsStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    result[name] = first === undefined ? '' : first.toString();
  }
  return result;
}

/** The original message, unchanged, with headers saying where it came from and why it failed. */
export function deadLetterMessage(input: {
  topic: string;
  partition: number;
  message: KafkaMessage;
  groupId: string;
  reason: DeadLetterReason;
  error: string;
}): OutgoingMessage {
  const { topic, partition, message, groupId, reason, error } = input;
  return {
    topic: deadLetterTopicOf(topic),
    key: message.key?.toString() ?? '',
    value: message.value?.toString() ?? '',
    headers: {
      ...headersAsStrings(message.headers),
      [DLQ_HEADERS.error]: error.slice(0, 1000),
      [DLQ_HEADERS.reason]: reason,
      [DLQ_HEADERS.originalTopic]: topic,
      [DLQ_HEADERS.originalPartition]: String(partition),
      [DLQ_HEADERS.originalOffset]: message.offset,
      [DLQ_HEADERS.consumerGroup]: groupId,
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
    },
  };
}
