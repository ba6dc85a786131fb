import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTopics } from '../lib/kafka';
import { pollUntil, sleep } from '../lib/main';
import { dropDatabase } from '../lib/mongo';
import { runScope } from '../lib/services';
import { startOwnBroker, type OwnBroker } from './broker';
import { startDedupConsumer } from './dedup-consumer';
import { PROBE_TYPE, startOutboxSource, type OutboxSource } from './outbox-source';
import { everySeconds, secondsSince, type ScenarioContext, type ScenarioResult } from './scenario';
import { describe, figuresOf, missing } from './tally';

/**
 * kafka_kill: a broker of the scenario's own is SIGKILLed and restarted (5 times; quick 2)
 * while 500 events/s flow from an outbox through the real relay to a dedup'ing consumer.
 */
const RATE = 500;

function plan(quick: boolean) {
  return quick
    ? { kills: 2, upSeconds: 5, downSeconds: 3, drainSeconds: 60 }
    : { kills: 5, upSeconds: 10, downSeconds: 5, drainSeconds: 120 };
}

export async function kafkaKill(context: ScenarioContext): Promise<ScenarioResult> {
  const { signal, cleanup, say } = context;
  const settings = plan(context.quick);
  say('starting a Kafka broker of its own (single node, KRaft, -Xmx384m)');
  const broker = await startOwnBroker(signal);
  cleanup.unshift({ what: 'remove the own broker', run: () => broker.remove() });
  say(`own broker on ${broker.brokers.join(',')} (data in ${broker.dir})`);
  const scope = runScope(context.stack, 'faults_kafka');
  const topic = `${scope.prefix}.probes`;
  await createTopics(broker.brokers, [topic, `${topic}.dlq`]);
  const mongoUrl = scope.databaseUrl('outbox');
  if (!context.keep) {
    cleanup.unshift({ what: 'drop the outbox database', run: () => dropDatabase(mongoUrl) });
  }
  const consumer = await startDedupConsumer({
    brokers: broker.brokers,
    groupId: `${scope.prefix}.reader`,
    topics: [topic],
    keyOf: (event) => (event.type === PROBE_TYPE ? event.id : undefined),
  });
  cleanup.unshift({ what: 'stop the consumer', run: () => consumer.stop() });
  // Outside the broker's directory (removed at the end): the relay's and kafkajs's warnings.
  const relayLog = join(tmpdir(), `${scope.prefix}-relay.log`);
  const source = await startOutboxSource({
    brokers: broker.brokers,
    mongoUrl,
    topic,
    perSecond: RATE,
    logFile: relayLog,
  });
  cleanup.unshift({ what: 'stop the outbox relay', run: () => source.stop() });
  const started = Date.now();
  const stopProgress = everySeconds(5, () =>
    say(
      `${secondsSince(started)} s: ${source.sent.size} written to the outbox, ` +
        `${consumer.tally.applied.size} consumed, ${source.relayCounts.publishFailures} failed publishes`,
    ),
  );
  cleanup.unshift({ what: 'stop the progress lines', run: () => Promise.resolve(stopProgress()) });
  const restarts = await killRepeatedly(broker, settings, context);
  await source.stopWriting();
  const loadSeconds = secondsSince(started);
  say(`load ended after ${loadSeconds} s; waiting for the outbox to drain`);
  const drained = await drain(source, () => missing(source.sent, consumer.tally), settings, signal);
  stopProgress();
  // Lost: acknowledged by Kafka (marked sent) and never consumed. Events still in the outbox
  // when the wait ended are late, not lost: the relay keeps publishing them.
  const { acked, unpublished } = await source.acknowledged();
  const all = figuresOf(source.sent, consumer.tally);
  const ofAcked = figuresOf(acked, consumer.tally);
  const figures = { ...all, lost: ofAcked.lost };
  say(`${describe(figures)}; ${unpublished} still unpublished in the outbox`);
  return {
    ...figures,
    acknowledged: acked.size,
    unpublished_at_end: unpublished,
    kills: restarts.length,
    seconds: loadSeconds,
    events_per_s: Math.round(source.sent.size / loadSeconds),
    restart_seconds_mean:
      Math.round((restarts.reduce((a, b) => a + b, 0) / restarts.length) * 10) / 10,
    drain_seconds: drained.seconds,
    outbox_documents_pending_at_end: drained.pending,
    relay_failed_publishes: source.relayCounts.publishFailures,
    relay_log: relayLog,
  };
}

/** Up, SIGKILL, down a few seconds, restart and wait until it answers; `kills` times. */
async function killRepeatedly(
  broker: OwnBroker,
  settings: ReturnType<typeof plan>,
  { say, signal }: ScenarioContext,
): Promise<number[]> {
  const restarts: number[] = [];
  for (let kill = 1; kill <= settings.kills; kill++) {
    await sleep(settings.upSeconds * 1000);
    signal.throwIfAborted();
    await broker.kill();
    say(`kill ${kill}/${settings.kills}: broker SIGKILLed; down for ${settings.downSeconds} s`);
    await sleep(settings.downSeconds * 1000);
    const seconds = await broker.restart(signal);
    restarts.push(seconds);
    say(
      `kill ${kill}/${settings.kills}: broker answering again ${seconds.toFixed(1)} s after the restart`,
    );
  }
  await sleep(settings.upSeconds * 1000);
  return restarts;
}

async function drain(
  source: OutboxSource,
  notArrived: () => number,
  settings: ReturnType<typeof plan>,
  signal: AbortSignal,
) {
  const started = Date.now();
  let pending = -1;
  await pollUntil(
    async () => {
      // The count scans the collection (FerretDB): only once everything has arrived.
      if (notArrived() > 0) return false;
      pending = await source.pending();
      return pending === 0;
    },
    { timeoutMs: settings.drainSeconds * 1000, intervalMs: 1_000, signal },
  );
  return { seconds: secondsSince(started), pending };
}
