import { loadavg } from 'node:os';
import { createTopics } from '../lib/kafka';
import { machineDescription } from '../lib/machine';
import { runMain, sayAs, type Cleanup } from '../lib/main';
import { connectMongo } from '../lib/mongo';
import { parseCommon, positiveInteger, type CommonOptions } from '../lib/options';
import { cpuSeconds, pidListeningOn } from '../lib/proc';
import { writeResult } from '../lib/results';
import { METRICS_TOPICS, runScope } from '../lib/services';
import { stackUp } from '../lib/stack';
import { round } from '../lib/stats';
import { formatNumber, formatTable } from '../lib/table';
import { runRebuild, type RebuildTimes } from './command';
import { publishHistory } from './history';
import { deletePrefixedTopics } from '../lib/kafka';

/**
 * bench/rebuild: the metrics projections rebuilt from Kafka history by metrics' own rebuild
 * command, events/s: the replay alone, and the whole rebuild with the write of the new version.
 */
const say = sayAs('rebuild');
const TARGET_EVENTS_PER_SECOND = 10_000;

const USAGE = `pnpm --filter @grunderboost/bench rebuild [--quick] [--events N] [--keep]

  --quick      20,000 events instead of 1,000,000
  --events N   events in the history (journeys of six events per founder)
  --keep       keep the run's database and topics
`;

interface Options extends CommonOptions {
  events: number;
}

function parse(argv: string[]): Options | undefined {
  const common = parseCommon(argv, { events: { type: 'string' } });
  if (common === undefined) return undefined;
  return {
    ...common,
    events: positiveInteger('events', common.values.events, common.quick ? 20_000 : 1_000_000),
  };
}

const TOPICS = METRICS_TOPICS;

async function benchmark(options: Options, signal: AbortSignal, cleanup: Cleanup) {
  const loadAtStart = loadavg()[0] ?? 0;
  say('starting the local stack (infra/local/stack up; already running is fine)');
  const scope = runScope(await stackUp(), 'rebuild');
  const databaseUrl = scope.databaseUrl('metrics');
  cleanup.unshift({
    what: 'drop the run data',
    run: async () => {
      if (options.keep) return;
      const connection = await connectMongo(databaseUrl);
      await connection.dropDatabase().finally(() => connection.close());
      await deletePrefixedTopics(scope.brokers, scope.prefix);
    },
  });
  await createTopics(
    scope.brokers,
    TOPICS.flatMap((t) => [`${scope.prefix}.${t}`, `${scope.prefix}.${t}.dlq`]),
  );
  say(
    `publishing a history of ${options.events.toLocaleString('en-GB')} events (prefix ${scope.prefix})`,
  );
  const history = await publishHistory(scope.brokers, scope.prefix, options.events);
  say(`history published in ${round(history.seconds, 1)} s`);
  signal.throwIfAborted();

  const ferretPid = await pidListeningOn(
    Number(new URL(scope.stack.MONGO_URL ?? '').port || 27017),
  );
  const ferretBefore = ferretPid === null ? null : await cpuSeconds(ferretPid);
  let rebuildPid: number | null = null;
  let rebuildCpu: number | null = null;
  let lastLine = 0;
  const times = await runRebuild(
    {
      MONGO_URL: databaseUrl,
      KAFKA_BROKERS: scope.brokers.join(','),
      KAFKA_TOPIC_PREFIX: scope.prefix,
      METRICS_CONSUMER_GROUP: `${scope.prefix}.metrics`,
    },
    (line) => {
      if (Date.now() - lastLine >= 5_000) {
        lastLine = Date.now();
        say(line);
      }
      // Read while the process still exists: its CPU time is gone once it has exited.
      if (rebuildPid !== null)
        void cpuSeconds(rebuildPid).then((s) => (rebuildCpu = s ?? rebuildCpu));
    },
    (pid) => (rebuildPid = pid),
  );
  const ferretAfter = ferretPid === null ? null : await cpuSeconds(ferretPid);
  const report = rebuildReport(options, loadAtStart, history, times, {
    rebuildCommand: rebuildCpu,
    ferretdb:
      ferretBefore === null || ferretAfter === null ? null : round(ferretAfter - ferretBefore, 1),
  });
  process.stdout.write(`\n${formatRebuild(report)}\n`);
  say(`written to ${await writeResult('rebuild', report)}`);
}

function rebuildReport(
  options: Options,
  loadAtStart: number,
  history: { events: number; seconds: number },
  times: RebuildTimes,
  cpuSecondsUsed: Record<string, number | null>,
) {
  const rate = (point?: { events: number; seconds: number }) =>
    point === undefined ? null : Math.round(point.events / Math.max(point.seconds, 0.001));
  const eventsPerSecond = rate(times.finished);
  return {
    when: new Date().toISOString(),
    machine: machineDescription(loadAtStart),
    settings: { mode: options.quick ? 'quick' : 'default', events: options.events },
    rebuild: {
      events_per_s: eventsPerSecond,
      replay_events_per_s: rate(times.replayed),
      events: history.events,
      replayed: times.replayed ?? null,
      finished: times.finished ?? null,
      writeSeconds:
        times.replayed && times.finished
          ? round(times.finished.seconds - times.replayed.seconds, 1)
          : null,
      wallSeconds: round(times.wallSeconds, 1),
      switchedTo: times.switchedTo ?? null,
      cpuSeconds: cpuSecondsUsed,
      historyPublishSeconds: round(history.seconds, 1),
    },
    target: {
      eventsPerSecond: TARGET_EVENTS_PER_SECOND,
      met: (eventsPerSecond ?? 0) >= TARGET_EVENTS_PER_SECOND,
    },
  };
}

function formatRebuild(report: ReturnType<typeof rebuildReport>): string {
  const r = report.rebuild;
  const n = (v: number | null | undefined, d = 0) => formatNumber(v ?? null, d);
  return [
    formatTable(
      ['rebuild', 'events', 'seconds', 'events/s'],
      [
        [
          'replay from offset 0 (in memory)',
          n(r.replayed?.events),
          n(r.replayed?.seconds, 1),
          n(r.replay_events_per_s),
        ],
        [
          'whole rebuild (replay + write + switch)',
          n(r.finished?.events),
          n(r.finished?.seconds, 1),
          n(r.events_per_s),
        ],
      ],
    ),
    '',
    `writing the version: ${n(r.writeSeconds, 1)} s · switched to version ${n(r.switchedTo)} · ` +
      `CPU s: rebuild command ${n(r.cpuSeconds.rebuildCommand, 1)}, FerretDB ${n(r.cpuSeconds.ferretdb, 1)}`,
    `target (DESIGN.md) ≥ 10,000 events/s: ${report.target.met ? 'yes' : 'no'}`,
  ].join('\n');
}

runMain({ name: 'rebuild', usage: USAGE, parse, benchmark });
