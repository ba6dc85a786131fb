import { loadavg } from 'node:os';
import { seedApplications } from '../lib/intake-seed';
import { machineDescription } from '../lib/machine';
import { runMain, sayAs, type Cleanup } from '../lib/main';
import { connectMongo } from '../lib/mongo';
import { parseCommon, positiveInteger, type CommonOptions } from '../lib/options';
import { writeResult } from '../lib/results';
import { runScope } from '../lib/services';
import { stackUp } from '../lib/stack';
import { ratio, round } from '../lib/stats';
import { formatNumber, formatRatio, formatTable } from '../lib/table';
import { dropDatabase } from '../lib/mongo';
import { OPERATIONS, timeOperations, type OperationName } from './operations';

/**
 * bench/database: what one database operation costs as founders pile up, on the stack's
 * MongoDB-compatible server. It explains the growth benchmark: on a server that answers from
 * indexes these stay flat; on one that scans, they grow with the documents stored.
 */
const say = sayAs('database');

const USAGE = `pnpm --filter @grunderboost/bench database [--quick] [--sizes 1000,10000,50000] [--repeats N] [--keep]

  --quick        sizes 1,000 and 4,000, 5 repeats
  --sizes LIST   applications stored at each step, ascending (default 1000,10000,50000)
  --repeats N    timings of each operation per size; the median is reported (default 9)
  --keep         keep the run's database
`;

interface Options extends CommonOptions {
  sizes: number[];
  repeats: number;
}

function parse(argv: string[]): Options | undefined {
  const common = parseCommon(argv, { sizes: { type: 'string' }, repeats: { type: 'string' } });
  if (common === undefined) return undefined;
  const raw = common.values.sizes ?? (common.quick ? '1000,4000' : '1000,10000,50000');
  const sizes = raw.split(',').map((size) => positiveInteger('sizes', size.trim(), 1));
  if (sizes.some((size, i) => i > 0 && size <= (sizes[i - 1] ?? 0))) {
    throw new Error('--sizes must be ascending');
  }
  const repeats = positiveInteger('repeats', common.values.repeats, common.quick ? 5 : 9);
  return { ...common, sizes, repeats };
}

type Step = { size: number } & Record<OperationName, number>;

async function benchmark(options: Options, signal: AbortSignal, cleanup: Cleanup) {
  const loadAtStart = loadavg()[0] ?? 0;
  say('starting the local stack (infra/local/stack up; already running is fine)');
  const stack = await stackUp();
  const url = runScope(stack, 'database').databaseUrl('intake');
  const connection = await connectMongo(url);
  cleanup.unshift({ what: 'close the database', run: () => connection.close() });
  if (!options.keep) cleanup.push({ what: 'drop the run database', run: () => dropDatabase(url) });
  const steps: Step[] = [];
  let stored = 0;
  let inserted = 0;
  for (const size of options.sizes) {
    signal.throwIfAborted();
    say(`seeding applications ${stored.toLocaleString('en-GB')} → ${size.toLocaleString('en-GB')}`);
    const seeded = await seedApplications(connection, {
      topicPrefix: 'bench-database',
      outbox: 'sent',
      from: stored,
      to: size,
      onProgress: () => signal.throwIfAborted(),
    });
    stored += seeded.documents;
    say(`${stored.toLocaleString('en-GB')} stored: timing each operation ${options.repeats} times`);
    const timings = await timeOperations(
      connection,
      options.repeats,
      () => 50_000_000 + inserted++,
    );
    stored += options.repeats; // the timed inserts stay
    steps.push({ size: stored, ...roundAll(timings) });
  }
  const report = reportOf(options, steps, machineDescription(loadAtStart), stack.MONGO_FLAVOUR);
  process.stdout.write(`\n${formatReport(report)}\n`);
  say(`written to ${await writeResult('database', report)}`);
}

const roundAll = (timings: Record<OperationName, number>) =>
  Object.fromEntries(OPERATIONS.map((name) => [name, round(timings[name], 1)])) as Record<
    OperationName,
    number
  >;

function reportOf(
  options: Options,
  steps: Step[],
  machine: ReturnType<typeof machineDescription>,
  flavour: string | undefined,
) {
  const first = steps[0];
  const last = steps[steps.length - 1];
  const growth = Object.fromEntries(
    OPERATIONS.map((name) => [name, first && last ? ratio(last[name], first[name]) : null]),
  );
  return {
    when: new Date().toISOString(),
    machine,
    settings: {
      mode: options.quick ? 'quick' : 'default',
      sizes: options.sizes,
      repeats: options.repeats,
      server: flavour ?? 'unknown',
    },
    database: { steps, growth, sizeRatio: first && last ? ratio(last.size, first.size) : null },
  };
}

function formatReport(report: ReturnType<typeof reportOf>): string {
  const { steps, growth, sizeRatio } = report.database;
  const header = [
    'ms per operation (median)',
    ...steps.map((s) => `${s.size.toLocaleString('en-GB')} stored`),
    `growth (stored ×${formatRatio(sizeRatio)})`,
  ];
  const rows = OPERATIONS.map((name) => [
    name,
    ...steps.map((step) => formatNumber(step[name], 1)),
    `×${formatRatio(growth[name] ?? null)}`,
  ]);
  return `${formatTable(header, rows)}\n\nserver: ${report.settings.server} · flat cost means a growth near ×1`;
}

runMain({ name: 'database', usage: USAGE, parse, benchmark });
