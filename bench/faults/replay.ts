import { pollUntil } from '../lib/main';
import { stopProcess } from '../lib/processes';
import { METRICS_TOPICS, restartService, runScope, service, startServices } from '../lib/services';
import { publishHistory } from '../rebuild/history';
import { lagOf, resetToEarliest } from './lag';
import { changedDocuments, snapshotProjections } from './projection-hash';
import { secondsSince, type ScenarioContext, type ScenarioResult } from './scenario';

/**
 * replay: metrics projects a small history; its content hash is taken; metrics is stopped, its
 * consumer group reset to offset 0 on every topic, and it starts again and consumes the whole
 * history once more. The projections must not change: every replayed event is a copy the
 * consumer drops by event id (or, had its dedup memory been lost, re-applies idempotently).
 */
const TOPICS = METRICS_TOPICS;

export async function replay(context: ScenarioContext): Promise<ScenarioResult> {
  const { cleanup, say, signal } = context;
  const events = context.quick ? 60 : 120;
  const scope = runScope(context.stack, 'faults_replay');
  const group = `${scope.prefix}.metrics`;
  const topics = TOPICS.map((topic) => `${scope.prefix}.${topic}`);
  say(`starting metrics (prefix ${scope.prefix}); publishing a history of ${events} events`);
  const started = await startServices(['metrics'], scope, cleanup, { keep: context.keep });
  const mongoUrl = scope.databaseUrl('metrics');
  await publishHistory(scope.brokers, scope.prefix, events);
  const start = Date.now();
  const caughtUp = () => waitForLag0(scope.brokers, group, topics, say, signal, context.quick);
  const first = await caughtUp();
  // A hash of a half-built projection would compare nothing: that is an error, not a figure.
  if (first.lag > 0) throw new Error(`metrics did not catch up (lag ${first.lag}) in time`);
  const projected = secondsSince(start);
  const before = await snapshotProjections(mongoUrl);
  say(
    `projected in ${projected} s: hash ${before.hash.slice(0, 12)}; stopping metrics, resetting ${group}`,
  );
  await stopProcess(service(started, 'metrics'));
  await resetToEarliest(scope.brokers, group, topics);
  const reset = await lagOf(scope.brokers, group, topics);
  const replayStart = Date.now();
  await restartService(started, 'metrics', cleanup);
  const finished = await caughtUp();
  const replaySeconds = secondsSince(replayStart);
  const after = await snapshotProjections(mongoUrl);
  const changed = changedDocuments(before, after);
  const replayed = reset.lag - finished.lag;
  say(
    `replayed ${replayed} events in ${replaySeconds} s: hash ${after.hash.slice(0, 12)}, ${changed} documents changed`,
  );
  return {
    sent: reset.lag,
    arrived: replayed,
    lost: finished.lag,
    duplicated: changed,
    redelivered: replayed,
    history_events: events,
    projection_documents: after.documents.size,
    hash_before: before.hash,
    hash_after: after.hash,
    unchanged: before.hash === after.hash,
    reapplied: after.processedEvents - before.processedEvents,
    project_seconds: projected,
    replay_seconds: replaySeconds,
    events_per_s: replaySeconds > 0 ? Math.round(replayed / replaySeconds) : null,
  };
}

async function waitForLag0(
  brokers: string[],
  group: string,
  topics: string[],
  say: (line: string) => void,
  signal: AbortSignal,
  quick: boolean,
) {
  let last = { lag: -1, held: 0 };
  let lastLine = Date.now();
  await pollUntil(
    async () => {
      last = await lagOf(brokers, group, topics);
      if (Date.now() - lastLine >= 5_000) {
        lastLine = Date.now();
        say(`lag ${last.lag} of ${last.held} events`);
      }
      return last.lag === 0;
    },
    { timeoutMs: (quick ? 90 : 300) * 1000, intervalMs: 1_000, signal },
  );
  return last;
}
