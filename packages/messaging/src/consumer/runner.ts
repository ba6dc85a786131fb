import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { backoffDelay, sleep, type BackoffPolicy } from '../backoff';
import type { MessagingMetrics } from '../metrics';
import type { MessageProducer } from '../producer';
import { deadLetterMessage, headersAsStrings, type DeadLetterReason } from './dead-letter';
import { PoisonMessageError, type ParseResult } from './errors';
import type { ProcessedEvents } from './processed-events';

export interface MessageContext {
  topic: string;
  partition: number;
  offset: string;
  headers: Record<string, string>;
}

export interface ConsumerRunnerOptions<E> {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  /** Validates a decoded JSON value; a failure sends the message to the DLQ. */
  parse: (raw: unknown) => ParseResult<E>;
  eventId: (event: E) => string;
  handle: (event: E, context: MessageContext) => Promise<void>;
  processed: ProcessedEvents;
  /** Publishes dead letters (an idempotent producer of the service). */
  producer: MessageProducer;
  logger: Logger;
  metrics?: MessagingMetrics;
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  fromBeginning?: boolean;
}

export interface RunningConsumer {
  /** Finishes the message in hand, commits, leaves the group. */
  stop(): Promise<void>;
}

type Outcome = 'processed' | 'duplicate' | 'dead-lettered';

/**
 * Consumes with at-least-once delivery and exactly-once effect per event id: skips ids
 * already processed, retries transient failures with backoff, sends poison messages to
 * `<topic>.dlq` with error headers, and commits each offset only after its effect.
 */
export async function runConsumer<E>(options: ConsumerRunnerOptions<E>): Promise<RunningConsumer> {
  const { kafka, groupId, topics, logger } = options;
  const consumer: Consumer = kafka.consumer({ groupId, allowAutoTopicCreation: true });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: options.fromBeginning ?? true });
  await consumer.run({
    eachBatchAutoResolve: false,
    eachBatch: (payload) => consumeBatch(options, payload),
  });
  logger.info({ groupId, topics }, 'consumer started');
  return {
    async stop() {
      await consumer.disconnect();
      logger.info({ groupId }, 'consumer stopped');
    },
  };
}

async function consumeBatch<E>(options: ConsumerRunnerOptions<E>, payload: EachBatchPayload) {
  const { batch } = payload;
  for (const message of batch.messages) {
    if (!payload.isRunning() || payload.isStale()) break;
    const outcome = await consumeMessage(options, batch.topic, batch.partition, message);
    options.metrics?.consumed.inc({ topic: batch.topic, group: options.groupId, outcome });
    payload.resolveOffset(message.offset);
    await payload.commitOffsetsIfNecessary();
    const lag = Number(batch.highWatermark) - Number(message.offset) - 1;
    options.metrics?.lag.set(
      { topic: batch.topic, partition: String(batch.partition), group: options.groupId },
      Math.max(0, lag),
    );
    await payload.heartbeat();
  }
}

async function consumeMessage<E>(
  options: ConsumerRunnerOptions<E>,
  topic: string,
  partition: number,
  message: KafkaMessage,
): Promise<Outcome> {
  const deadLetter = async (reason: DeadLetterReason, error: string): Promise<Outcome> => {
    options.logger.warn(
      { topic, partition, offset: message.offset, reason, error },
      'dead-lettered',
    );
    const letter = deadLetterMessage({
      topic,
      partition,
      message,
      groupId: options.groupId,
      reason,
      error,
    });
    await options.producer.send([letter]);
    options.metrics?.deadLettered.inc({ topic, group: options.groupId, reason });
    return 'dead-lettered';
  };

  const parsed = decode(options, message);
  if (!parsed.ok) {
    return deadLetter('unparseable', parsed.error);
  }
  const eventId = options.eventId(parsed.event);
  if (await options.processed.has(eventId)) {
    return 'duplicate';
  }
  const context: MessageContext = {
    topic,
    partition,
    offset: message.offset,
    headers: headersAsStrings(message.headers),
  };
  const failure = await handleWithRetry(options, parsed.event, context);
  if (failure !== undefined) {
    return deadLetter(failure.reason, failure.error);
  }
  await options.processed.record(eventId);
  return 'processed';
}

function decode<E>(options: ConsumerRunnerOptions<E>, message: KafkaMessage): ParseResult<E> {
  const text = message.value?.toString() ?? '';
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: `value is not JSON: ${text.slice(0, 80)}` };
  }
  return options.parse(raw);
}

async function handleWithRetry<E>(
  options: ConsumerRunnerOptions<E>,
  event: E,
  context: MessageContext,
): Promise<{ reason: DeadLetterReason; error: string } | undefined> {
  const maxAttempts = options.maxAttempts ?? 5;
  const backoff = options.backoff ?? { initialMs: 100, maxMs: 5_000 };
  for (let attempt = 1; ; attempt++) {
    try {
      await options.handle(event, context);
      return undefined;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof PoisonMessageError) {
        return { reason: 'poison', error: message };
      }
      if (attempt >= maxAttempts) {
        return { reason: 'retries-exhausted', error: message };
      }
      options.metrics?.retried.inc({ topic: context.topic, group: options.groupId });
      options.logger.warn(
        { err: error, attempt, topic: context.topic },
        'handler failed; retrying',
      );
      await sleep(backoffDelay(attempt, backoff));
    }
  }
}
