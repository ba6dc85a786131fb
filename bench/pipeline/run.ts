import { loadavg } from 'node:os';
import { cpuShare, pidListeningOn } from '../lib/proc';
import { seedApplications } from '../lib/intake-seed';
import { benchKafka } from '../lib/kafka';
import { machineDescription } from '../lib/machine';
import { pollUntil, runMain, sayAs, sleep, type Cleanup } from '../lib/main';
import { connectMongo } from '../lib/mongo';
import { parseCommon, positiveInteger, type CommonOptions } from '../lib/options';
import { writeResult } from '../lib/results';
import { runScope, service, startServices, type RunScope } from '../lib/services';
import { stackUp } from '../lib/stack';
import { rawProduceConsume } from './raw';
import { formatPipeline, pipelineReport, type ProjectionRun } from './report';

/**
 * bench/pipeline: events/s from intake's outbox relay through Kafka into the metrics
 * projection, against raw kafkajs produce → consume on the same broker in the same run.
 */
const say = sayAs('pipeline');

const USAGE = `pnpm --filter @grunderboost/bench pipeline [--quick] [--applications N] [--max-seconds S] [--keep]

  --quick            120 applications (about 200 events), at most 60 s; default 1,500 and 300 s
  --applications N   seeded applications with pending events (two in three also triaged)
  --max-seconds S    longest wait for the projection; the rate is taken over what it applied
  --raw N            messages of the raw kafkajs baseline (default 100,000; quick 20,000)
  --keep             keep the run's databases and topics
`;

interface Options extends CommonOptions {
  applications: number;
  maxSeconds: number;
  raw: number;
}

function parse(argv: string[]): Options | undefined {
  const common = parseCommon(argv, {
    applications: { type: 'string' },
    'max-seconds': { type: 'string' },
    raw: { type: 'string' },
  });
  if (common === undefined) return undefined;
  const { quick, values } = common;
  return {
    ...common,
    applications: positiveInteger('applications', values.applications, quick ? 120 : 1_500),
    maxSeconds: positiveInteger('max-seconds', values['max-seconds'], quick ? 60 : 300),
    raw: positiveInteger('raw', values.raw, quick ? 20_000 : 100_000),
  };
}

async function benchmark(options: Options, signal: AbortSignal, cleanup: Cleanup) {
  const loadAtStart = loadavg()[0] ?? 0;
  say('starting the local stack (infra/local/stack up; already running is fine)');
  const scope = runScope(await stackUp(), 'pipeline');
  const started = await startServices(['intake', 'metrics'], scope, cleanup, {
    keep: options.keep,
  });
  say(`raw kafkajs: ${options.raw} messages through ${scope.prefix}.raw`);
  const raw = await rawProduceConsume(scope.brokers, `${scope.prefix}.raw`, options.raw, 700);
  say(`raw kafkajs: ${raw.eventsPerSecond} messages/s`);
  signal.throwIfAborted();

  const projection = await measureProjection(options, scope, started, signal);
  const report = pipelineReport({
    machine: machineDescription(loadAtStart),
    settings: { mode: options.quick ? 'quick' : 'default', ...options, prefix: scope.prefix },
    raw,
    projection,
  });
  process.stdout.write(`\n${formatPipeline(report)}\n`);
  say(`written to ${await writeResult('pipeline', report)}`);
}

/**
 * Seeds the applications with their events pending and due at one moment a little ahead (a
 * backlog released at once, as after an outage), then times the relay publishing them and the
 * projection applying them.
 */
async function measureProjection(
  options: Options,
  scope: RunScope,
  started: Awaited<ReturnType<typeof startServices>>,
  signal: AbortSignal,
): Promise<ProjectionRun> {
  const intakeDb = await connectMongo(scope.databaseUrl('intake'));
  const metricsDb = await connectMongo(scope.databaseUrl('metrics'));
  const published = await countPublished(scope);
  try {
    const releaseAt = new Date(Date.now() + 3_000 + options.applications * 2);
    const seeded = await seedApplications(intakeDb, {
      topicPrefix: scope.prefix,
      outbox: 'pending',
      from: 0,
      to: options.applications,
      releaseAt,
    });
    const seededInTime = Date.now() < releaseAt.getTime();
    say(`seeded ${seeded.documents} applications with ${seeded.events} pending events`);
    await sleep(Math.max(0, releaseAt.getTime() - Date.now()));
    const processed = () => metricsDb.collection('processed_events').countDocuments({});
    const pids = {
      ferretdb: await pidListeningOn(Number(new URL(scope.stack.MONGO_URL ?? '').port || 27017)),
      intake: service(started, 'intake').child.pid ?? null,
      metrics: service(started, 'metrics').child.pid ?? null,
    };
    const { result, cores, seconds } = await cpuShare(pids, () =>
      waitForProjection(seeded.events, processed, published, options, signal),
    );
    return {
      applications: seeded.documents,
      events: seeded.events,
      seededBeforeRelease: seededInTime,
      publishedSeconds:
        published.lastAt() === 0 ? null : (published.lastAt() - releaseAt.getTime()) / 1000,
      published: published.count(),
      applied: result.applied,
      seconds,
      complete: result.applied >= seeded.events,
      cpuCores: cores,
    };
  } finally {
    await published.stop();
    await Promise.all([intakeDb.close(), metricsDb.close()]);
  }
}

/** Polls the projection's processed-event count (a full scan on FerretDB: every 2 s only). */
async function waitForProjection(
  events: number,
  processed: () => Promise<number>,
  published: { count(): number },
  options: Options,
  signal: AbortSignal,
) {
  let applied = 0;
  let lastLine = 0;
  await pollUntil(
    async () => {
      applied = await processed();
      if (Date.now() - lastLine > 10_000) {
        lastLine = Date.now();
        say(`published ${published.count()}/${events}, projected ${applied}/${events}`);
      }
      return applied >= events;
    },
    { timeoutMs: options.maxSeconds * 1000, intervalMs: 2_000, signal },
  );
  return { applied };
}

/** Counts what the relay published on the run's intake topic, with the time of the last one. */
async function countPublished(scope: RunScope) {
  const consumer = benchKafka(scope.brokers, 'bench-pipeline-reader').consumer({
    groupId: `${scope.prefix}.reader`,
  });
  let count = 0;
  let lastAt = 0;
  await consumer.connect();
  await consumer.subscribe({ topic: `${scope.prefix}.intake.applications`, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      count += batch.messages.length;
      lastAt = Date.now();
      return Promise.resolve();
    },
  });
  return { count: () => count, lastAt: () => lastAt, stop: () => consumer.disconnect() };
}

runMain({ name: 'pipeline', usage: USAGE, parse, benchmark });
