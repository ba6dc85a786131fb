#!/usr/bin/env tsx
/**
 * Operator command: replays a dead-letter topic back to the topic its messages failed on.
 *
 *   pnpm --filter @grunderboost/messaging dlq:replay -- --dlq intake.applications.dlq
 *        [--to <topic>] [--repair ./fix.js] [--brokers 127.0.0.1:9092]
 *
 * --repair names a CommonJS/ESM module whose default export (letter) => letter | null fixes a
 * message (or leaves it out) before it is sent back.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createKafka } from '../kafka';
import { createProducer } from '../producer';
import { replayDeadLetters, type DeadLetter } from '../dlq/replay';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dlq: { type: 'string' },
      to: { type: 'string' },
      repair: { type: 'string' },
      brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092' },
    },
  });
  if (values.dlq === undefined || !values.dlq.endsWith('.dlq')) {
    throw new Error(
      'usage: dlq-replay --dlq <topic>.dlq [--to <topic>] [--repair <module>] [--brokers <list>]',
    );
  }
  const logger = pino({ level: 'warn' });
  const kafka = createKafka({ clientId: 'dlq-replay', brokers: values.brokers.split(','), logger });
  const producer = createProducer(kafka);
  await producer.connect();
  let repair: ((letter: DeadLetter) => DeadLetter | null) | undefined;
  if (values.repair !== undefined) {
    const loaded = (await import(resolve(values.repair))) as { default: typeof repair };
    repair = loaded.default;
  }
  try {
    const result = await replayDeadLetters({
      kafka,
      producer,
      dlqTopic: values.dlq,
      targetTopic: values.to,
      repair,
      onProgress: ({ replayed, skipped, remaining }) =>
        process.stderr.write(
          `\rreplayed ${replayed}, skipped ${skipped}, remaining ${remaining}   `,
        ),
    });
    process.stdout.write(
      `\n${values.dlq}: replayed ${result.replayed}, skipped ${result.skipped}\n`,
    );
  } finally {
    await producer.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`dlq-replay: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
