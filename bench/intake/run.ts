import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import type { ServiceProcess } from '@grunderboost/testkit';
import { abortOnSignals, InterruptedError } from '../lib/interrupt';
import { dropTimeoutNegativeWarnings } from '../lib/quiet-warnings';
import { runLoad, type LoadResult, type LoadTarget } from '../lib/load';
import { freePortPair, outputTail, startProcess, stopProcess } from '../lib/processes';
import { REPO_ROOT, required, stackUp } from '../lib/stack';
import { connectBenchDatabase, deleteTopics } from './bench-data';
import { storedCheck, waitForRelay } from './checks';
import { parseOptions, USAGE, type BenchOptions } from './options';
import { buildReport, formatReport } from './report';
import {
  applicationTarget,
  BASELINE_ENTRY,
  INTAKE_ENTRY,
  intakeEnv,
  probe,
  runNames,
  type RunNames,
} from './targets';

/**
 * bench/intake: sustained POST /applications against the real intake service (with the local
 * stack), and against a bare express + zod baseline on the same machine, one after the other.
 * Prints both and their ratio and writes bench/results/intake.json. Figures are reported, never
 * asserted. See bench/README.md.
 */
const RESULT_FILE = resolve(__dirname, '../results/intake.json');

const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

type Cleanup = Array<{ what: string; run: () => Promise<unknown> }>;

async function main(): Promise<number> {
  let options: BenchOptions | undefined;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options === undefined) {
    process.stdout.write(USAGE);
    return 0;
  }
  const signal = abortOnSignals();
  dropTimeoutNegativeWarnings();
  const cleanup: Cleanup = [];
  try {
    await benchmark(options, signal, cleanup);
    return 0;
  } catch (error) {
    if (error instanceof InterruptedError) {
      say(`${error.message}; nothing written`);
      return 130;
    }
    say(`failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await runCleanup(cleanup);
  }
}

async function benchmark(options: BenchOptions, signal: AbortSignal, cleanup: Cleanup) {
  const loadAverageAtStart = loadavg()[0] ?? 0;
  say('starting the local stack (infra/local/stack up; already running is fine)');
  const stack = await stackUp();
  signal.throwIfAborted();
  const names = runNames();
  const brokers = required(stack, 'KAFKA_BROKERS').split(',');
  const env = intakeEnv(stack, names);
  cleanup.unshift({
    what: options.keep ? 'keep data' : 'drop the bench database and topics',
    run: () => (options.keep ? keepData(names) : dropData(env.MONGO_URL ?? '', brokers, names)),
  });

  const { intake, baseline, database } = await startServices(env, names, cleanup);

  const intakeTarget = applicationTarget('intake', intake.url, names.idempotencyPrefix);
  const baselineTarget = applicationTarget('baseline', baseline.url);
  await probe(intakeTarget);
  await probe(baselineTarget);

  // The baseline first: afterwards the intake relay still publishes, which would steal its CPU.
  const baselineResult = await measure(baselineTarget, options, signal);
  assertRunning(baseline);
  const intakeResult = await measure(intakeTarget, options, signal);
  assertRunning(intake);
  const relay = await waitForRelay(database, options.drainSeconds, signal, say);
  const report = buildReport({
    settings: settingsOf(options, stack.MONGO_FLAVOUR, names),
    loadAverageAtStart,
    intake: intakeResult,
    baseline: baselineResult,
    stored: await storedCheck(database, intakeResult),
    relay,
  });
  process.stdout.write(`\n${formatReport(report)}\n`);
  await mkdir(dirname(RESULT_FILE), { recursive: true });
  await writeFile(RESULT_FILE, `${JSON.stringify(report, null, 2)}\n`);
  say(`written to ${relative(REPO_ROOT, RESULT_FILE)}`);
}

/** Intake and the baseline, each its own process, and the connection to intake's database. */
async function startServices(env: Record<string, string>, names: RunNames, cleanup: Cleanup) {
  const [intakePort, baselinePort] = await freePortPair();
  say(`starting intake on port ${intakePort} (database ${names.database}) and the baseline`);
  const started = await Promise.allSettled([
    startProcess({ name: 'intake', entry: INTAKE_ENTRY, port: intakePort, env }),
    startProcess({ name: 'baseline', entry: BASELINE_ENTRY, port: baselinePort, env: {} }),
  ]);
  for (const result of started) {
    if (result.status === 'fulfilled') {
      const child = result.value;
      cleanup.unshift({ what: `stop ${child.name}`, run: () => stopProcess(child) });
    }
  }
  const [intake, baseline] = started.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
  if (intake === undefined || baseline === undefined) throw new Error('unreachable');
  const database = await connectBenchDatabase(env.MONGO_URL ?? '');
  cleanup.unshift({ what: 'close the database connection', run: () => database.close() });
  return { intake, baseline, database };
}

/** A warm-up (JIT, connection pools, caches), then the measured window, in one run. */
async function measure(
  target: LoadTarget,
  options: BenchOptions,
  signal: AbortSignal,
): Promise<LoadResult> {
  const { warmupSeconds, durationSeconds: seconds, connections } = options;
  const result = await runLoad(target, { warmupSeconds, seconds, connections, signal });
  signal.throwIfAborted();
  return result;
}

function settingsOf(options: BenchOptions, mongoFlavour: string | undefined, names: RunNames) {
  return {
    mode: options.mode,
    warmupSeconds: options.warmupSeconds,
    durationSeconds: options.durationSeconds,
    connections: options.connections,
    pipelining: 1,
    order: 'baseline, then intake',
    mongo: mongoFlavour ?? 'unknown',
    intakeEnv: { LOG_LEVEL: 'warn', CREATE_RATE_LIMIT_PER_MINUTE: '0' },
    database: names.database,
  };
}

async function dropData(mongoUrl: string, brokers: string[], names: RunNames): Promise<void> {
  const database = await connectBenchDatabase(mongoUrl);
  try {
    await database.drop();
  } finally {
    await database.close();
  }
  const topics = await deleteTopics(brokers, names.topicPrefix);
  say(`dropped database ${names.database} and ${topics.length} topic(s) ${names.topicPrefix}.*`);
}

async function keepData(names: RunNames): Promise<void> {
  say(`kept database ${names.database} and topics ${names.topicPrefix}.* (--keep)`);
}

/** Every step runs even when an earlier one fails; failures are reported, not thrown. */
async function runCleanup(cleanup: Cleanup): Promise<void> {
  for (const step of cleanup) {
    try {
      await step.run();
    } catch (error) {
      say(
        `cleanup '${step.what}' failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/** A target that died under load must not be reported as a slow one. */
function assertRunning(target: ServiceProcess): void {
  const { exitCode, signalCode } = target.child;
  if (exitCode !== null || signalCode !== null) {
    throw new Error(
      `${target.name} exited during the load (${exitCode ?? signalCode}):\n${outputTail(target)}`,
    );
  }
}

void main().then((code) => process.exit(code));
