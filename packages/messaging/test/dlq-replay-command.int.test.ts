import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { testInfrastructure, uniqueTopic } from '@grunderboost/testkit';
import { createProducer, deadLetterTopicOf, DLQ_HEADERS } from '../src';
import { collect, createTopics, testKafka } from './helpers';

const run = promisify(execFile);
const TSX = resolve(__dirname, '../../../node_modules/.bin/tsx');
const COMMAND = resolve(__dirname, '../src/cli/dlq-replay.ts');

describe('dlq-replay command', () => {
  it('sends repaired dead letters back to their topic, leaves the rest out, and reports both', async () => {
    const kafka = testKafka();
    const topic = uniqueTopic('replay-cli');
    const dlq = deadLetterTopicOf(topic);
    await createTopics(kafka, [topic, dlq]);
    const producer = createProducer(kafka);
    await producer.connect();
    const headers = {
      [DLQ_HEADERS.originalTopic]: topic,
      [DLQ_HEADERS.error]: 'amount: expected number',
    };
    await producer.send([
      { topic: dlq, key: 'f-1', value: '{"id":"1","amount":"12"}', headers },
      { topic: dlq, key: 'f-2', value: 'not json', headers },
    ]);
    await producer.disconnect();

    const { stdout } = await run(TSX, [
      COMMAND,
      '--dlq',
      dlq,
      '--repair',
      resolve(__dirname, 'fixtures/repair-amount.js'),
      '--brokers',
      testInfrastructure().kafkaBrokers.join(','),
    ]);
    expect(stdout).toContain(`${dlq}: replayed 1, skipped 1`);

    const target = await collect(kafka, topic);
    await target.waitForCount(1);
    await target.stop();
    expect(target.received).toEqual([
      expect.objectContaining({ key: 'f-1', value: '{"id":"1","amount":12}' }),
    ]);
    expect(
      Object.keys(target.received[0]?.headers ?? {}).filter((name) => name.startsWith('dlq-')),
    ).toEqual(['dlq-replayed-at']);
  });

  it('refuses to run without a dead-letter topic and says how to use it', async () => {
    const failure = (await run(TSX, [COMMAND]).catch((error: unknown) => error)) as {
      code?: number;
      stderr?: string;
    };
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/usage: dlq-replay --dlq <topic>\.dlq/);
  });
});
