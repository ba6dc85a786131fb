import { loadavg } from 'node:os';
import { applicationTarget } from '../intake/targets';
import { assignmentReader } from '../e2e/assignments';
import { measureJourneys } from '../e2e/journeys';
import { seedApplications } from '../lib/intake-seed';
import { runLoad } from '../lib/load';
import { machineDescription } from '../lib/machine';
import { runMain, sayAs, type Cleanup } from '../lib/main';
import { settle } from './settle';
import { connectMongo } from '../lib/mongo';
import { parseCommon, positiveInteger, type CommonOptions } from '../lib/options';
import { writeResult } from '../lib/results';
import {
  JOURNEY_SERVICES,
  runScope,
  service,
  startServices,
  type RunScope,
  type Started,
} from '../lib/services';
import { stackUp } from '../lib/stack';
import { round } from '../lib/stats';
import { formatGrowth, growthReport, type GrowthStep } from './report';

/**
 * bench/growth: does the cost stay flat as founders pile up? Intake's database is seeded in
 * bulk with realistic applications (intake's own schema and domain code, bench/lib/intake-seed)
 * up to each size, and at each size intake's p99 under load and the end-to-end p99 at 20/s
 * are measured again, on the same services.
 */
const say = sayAs('growth');

const USAGE = `pnpm --filter @grunderboost/bench growth [--quick] [--sizes 10000,1000000] [--keep]

  --quick        sizes 2,000 and 6,000 (each seeding step at most 40 s), shorter loads: CI
  --sizes LIST   founders stored at each step, ascending (default 10000,1000000)
  --seed-seconds S  longest seeding per step (default 600; quick 40); the founders reached
                 are recorded and the figures reported against them
  --keep         keep the run's databases and topics
`;

interface Options extends CommonOptions {
  sizes: number[];
  intakeSeconds: number;
  e2eSeconds: number;
  /** Each seeding step is bounded; the founders reached are recorded. */
  seedLimitSeconds: number;
}

function parse(argv: string[]): Options | undefined {
  const common = parseCommon(argv, {
    sizes: { type: 'string' },
    'seed-seconds': { type: 'string' },
  });
  if (common === undefined) return undefined;
  const raw = common.values.sizes ?? (common.quick ? '2000,6000' : '10000,1000000');
  const sizes = raw.split(',').map((size) => positiveInteger('sizes', size.trim(), 1));
  if (sizes.some((size, i) => i > 0 && size <= (sizes[i - 1] ?? 0))) {
    throw new Error('--sizes must be ascending');
  }
  return {
    ...common,
    sizes,
    intakeSeconds: common.quick ? 5 : 20,
    e2eSeconds: common.quick ? 5 : 30,
    // A million founders take hours to seed on FerretDB/SQLite (about 180/s here): each step is
    // bounded, and the founders reached are what the figures are reported against.
    seedLimitSeconds: positiveInteger(
      'seed-seconds',
      common.values['seed-seconds'],
      common.quick ? 40 : 600,
    ),
  };
}

async function benchmark(options: Options, signal: AbortSignal, cleanup: Cleanup) {
  const loadAtStart = loadavg()[0] ?? 0;
  say('starting the local stack (infra/local/stack up; already running is fine)');
  const stack = await stackUp();
  const scope = runScope(stack, 'growth');
  const intakeDatabase = scope.databaseUrl('intake');
  say(
    `starting ${JOURNEY_SERVICES.join(', ')} and a second intake for the load (prefix ${scope.prefix})`,
  );
  const journeyServices = await startServices([...JOURNEY_SERVICES], scope, cleanup, {
    keep: options.keep,
  });
  // The load's own intake on the same database, publishing under another prefix: its
  // applications must not become journeys that the end-to-end figure then waits behind.
  const loadScope = runScope(stack, 'growthload');
  const loadServices = await startServices(['intake'], loadScope, cleanup, {
    keep: options.keep,
    // One relay per database, as in production: the journeys' intake publishes for both.
    env: { intake: { MONGO_URL: intakeDatabase, OUTBOX_RELAY_ENABLED: 'false' } },
  });
  const reader = await assignmentReader(scope.brokers, scope.prefix);
  cleanup.unshift({ what: 'stop the assignment reader', run: () => reader.stop() });
  const database = await connectMongo(intakeDatabase);
  cleanup.unshift({ what: 'close the database', run: () => database.close() });

  const steps: GrowthStep[] = [];
  const loadUrl = service(loadServices, 'intake').url;
  const settleLimit = options.quick ? 30 : 300;
  let stored = 0;
  for (const [index, size] of options.sizes.entries()) {
    if (index > 0) say('waiting for intake to answer within a second again before seeding');
    const settled = index === 0 ? 0 : await settle(loadUrl, settleLimit, signal);
    say(`seeding founders ${stored.toLocaleString('en-GB')} → ${size.toLocaleString('en-GB')}`);
    const seeded = await seedStep(database, scope, stored, size, options, signal);
    stored += seeded.documents;
    if (stored < size) say(`seeding stopped at its time limit with ${stored} founders stored`);
    const step = await measureStep(
      options,
      index,
      size,
      journeyServices,
      loadServices,
      reader,
      signal,
    );
    steps.push({
      ...step,
      founders: stored,
      plannedFounders: size,
      seedSeconds: round(seeded.seconds, 1),
      settleSeconds: settled,
    });
  }
  const report = growthReport(machineDescription(loadAtStart), options, steps);
  process.stdout.write(`\n${formatGrowth(report)}\n`);
  say(`written to ${await writeResult('growth', report)}`);
}

async function seedStep(
  database: Awaited<ReturnType<typeof connectMongo>>,
  scope: RunScope,
  from: number,
  to: number,
  options: Options,
  signal: AbortSignal,
) {
  let lastLine = Date.now();
  const started = Date.now();
  return seedApplications(database, {
    topicPrefix: scope.prefix,
    outbox: 'sent',
    from,
    to,
    ...(options.seedLimitSeconds === undefined
      ? {}
      : { deadline: Date.now() + options.seedLimitSeconds * 1000 }),
    onProgress: (done) => {
      signal.throwIfAborted();
      if (Date.now() - lastLine < 10_000) return;
      lastLine = Date.now();
      const rate = Math.round(done / ((Date.now() - started) / 1000));
      say(
        `seeded ${(from + done).toLocaleString('en-GB')}/${to.toLocaleString('en-GB')} (${rate}/s)`,
      );
    },
  });
}

async function measureStep(
  options: Options,
  index: number,
  size: number,
  journeyServices: Started,
  loadServices: Started,
  reader: Awaited<ReturnType<typeof assignmentReader>>,
  signal: AbortSignal,
) {
  say(`${size.toLocaleString('en-GB')} founders: intake under load for ${options.intakeSeconds} s`);
  const target = applicationTarget(
    'intake',
    service(loadServices, 'intake').url,
    `growth-${index}`,
    20_000_000 + index * 1_000_000,
  );
  const intake = await runLoad(target, {
    warmupSeconds: options.quick ? 2 : 3,
    seconds: options.intakeSeconds,
    connections: 32,
    signal,
  });
  signal.throwIfAborted();
  // The intake load's last requests and their relay work end before the journeys start.
  say('waiting for intake to answer within a second again before the journeys');
  const settledBeforeE2e = await settle(
    service(loadServices, 'intake').url,
    options.quick ? 30 : 120,
    signal,
  );
  say(`${size.toLocaleString('en-GB')} founders: end to end at 20/s for ${options.e2eSeconds} s`);
  const e2e = await measureJourneys({
    intakeUrl: service(journeyServices, 'intake').url,
    reader,
    perSecond: 20,
    seconds: options.e2eSeconds,
    waitSeconds: options.quick ? 15 : 30,
    firstIndex: 30_000_000 + index * 1_000_000,
    name: 'growth',
    signal,
  });
  signal.throwIfAborted();
  return { founders: size, intake: intake.measured, e2e, settledBeforeE2e };
}

runMain({ name: 'growth', usage: USAGE, parse, benchmark });
