import { availableParallelism, loadavg } from 'node:os';
import { applicationTarget } from '../intake/targets';
import { runLoad } from '../lib/load';
import { machineDescription } from '../lib/machine';
import { runMain, sayAs, sleep, type Cleanup } from '../lib/main';
import { parseCommon, type CommonOptions } from '../lib/options';
import { cpuShare, pidListeningOn, residentMb } from '../lib/proc';
import { startProcess, stopProcess } from '../lib/processes';
import { writeResult } from '../lib/results';
import { runScope, service, startServices, type ServiceName, type Started } from '../lib/services';
import { stackUp, type StackEnv } from '../lib/stack';
import { formatNumber, formatTable } from '../lib/table';

/**
 * bench/memory: resident memory (VmRSS in /proc/<pid>/status) of every service as
 * infra/local/apps runs it (`node --import tsx`), idle after start-up, and at its peak while
 * intake takes the intake benchmark's load and the other services consume its events.
 */
const say = sayAs('memory');
const IDLE_TARGET_MB = 150;
const SERVICES: ServiceName[] = [
  'intake',
  'counselling',
  'metrics',
  'follow-up',
  'partners',
  'journey-worker',
  'journey-bridge',
  'portal',
];

const USAGE = `pnpm --filter @grunderboost/bench memory [--quick] [--keep]

  --quick   10 s idle and 8 s of load instead of 30 s and 20 s
  --keep    keep the run's databases and topics
`;

interface Options extends CommonOptions {
  idleSeconds: number;
  loadSeconds: number;
}

function parse(argv: string[]): Options | undefined {
  const common = parseCommon(argv);
  if (common === undefined) return undefined;
  return { ...common, idleSeconds: common.quick ? 10 : 30, loadSeconds: common.quick ? 8 : 20 };
}

type Readings = Record<string, number | null>;

async function readAll(started: Started): Promise<Readings> {
  const readings: Readings = {};
  for (const name of SERVICES) {
    const pid = started[name]?.child.pid;
    readings[name] = pid === undefined ? null : await residentMb(pid);
  }
  return readings;
}

/** The servers of the stack, for comparison (not the platform's services). */
async function infrastructure(stack: StackEnv): Promise<Readings> {
  const portOf = (url: string | undefined, fallback: number) =>
    Number(/:(\d+)/.exec(url?.replace(/^\w+:\/\//, '') ?? '')?.[1] ?? fallback);
  const ports = {
    kafka: portOf(stack.KAFKA_BROKERS, 9092),
    ferretdb: portOf(stack.MONGO_URL, 27017),
    temporal: portOf(stack.TEMPORAL_ADDRESS, 7233),
  };
  const readings: Readings = {};
  for (const [name, port] of Object.entries(ports)) {
    const pid = await pidListeningOn(port);
    readings[name] = pid === null ? null : await residentMb(pid);
  }
  return readings;
}

async function benchmark(options: Options, signal: AbortSignal, cleanup: Cleanup) {
  const loadAtStart = loadavg()[0] ?? 0;
  say('starting the local stack (infra/local/stack up; already running is fine)');
  const stack = await stackUp();
  const scope = runScope(stack, 'memory');
  say(`starting ${SERVICES.join(', ')} (prefix ${scope.prefix})`);
  const started = await startServices(SERVICES, scope, cleanup, { keep: options.keep });
  const empty = await startProcess({
    name: 'empty',
    entry: 'bench/memory/empty-process.ts',
    env: {},
  });
  cleanup.unshift({ what: 'stop the empty process', run: () => stopProcess(empty) });
  say(`idle for ${options.idleSeconds} s`);
  await sleep(options.idleSeconds * 1000);
  signal.throwIfAborted();
  const idle = await readAll(started);
  const infraIdle = await infrastructure(stack);
  const floor = empty.child.pid === undefined ? null : await residentMb(empty.child.pid);

  const peak: Readings = { ...idle };
  const sampler = setInterval(() => {
    void readAll(started).then((now) => {
      for (const [name, mb] of Object.entries(now)) {
        if (mb !== null) peak[name] = Math.max(peak[name] ?? 0, mb);
      }
    });
  }, 1_000);
  const target = applicationTarget(
    'intake',
    service(started, 'intake').url,
    `memory-${scope.prefix}`,
  );
  // Where the CPU goes while intake is under load: the database server or the services.
  const pids: Record<string, number | null> = {
    ferretdb: await pidListeningOn(Number(/:(\d+)\//.exec(stack.MONGO_URL ?? '')?.[1] ?? 27017)),
  };
  for (const name of SERVICES) pids[name] = started[name]?.child.pid ?? null;
  const { result: load, cores } = await cpuShare(pids, () =>
    runLoad(target, { warmupSeconds: 3, seconds: options.loadSeconds, connections: 32, signal }),
  ).finally(() => clearInterval(sampler));
  signal.throwIfAborted();

  const rss: Record<string, { idle: number | null; load: number | null }> = {};
  for (const name of SERVICES) rss[name] = { idle: idle[name] ?? null, load: peak[name] ?? null };
  const over = SERVICES.filter((name) => (idle[name] ?? 0) > IDLE_TARGET_MB);
  const report = {
    when: new Date().toISOString(),
    machine: machineDescription(loadAtStart),
    settings: {
      mode: options.quick ? 'quick' : 'default',
      ...options,
      runner: 'node --import tsx',
    },
    rss_mb: rss,
    infrastructure_rss_mb_idle: infraIdle,
    empty_node_tsx_rss_mb: floor,
    load: {
      requestsPerSecond: load.measured.requestsPerSecond,
      responses: load.measured.responses,
    },
    cpu_cores_under_load: cores,
    target: { idleMb: IDLE_TARGET_MB, met: over.length === 0, over },
  };
  process.stdout.write(`\n${formatMemory(report)}\n`);
  say(`written to ${await writeResult('memory', report)}`);
}

function formatMemory(report: {
  rss_mb: Record<string, { idle: number | null; load: number | null }>;
  infrastructure_rss_mb_idle: Readings;
  empty_node_tsx_rss_mb: number | null;
  load: { requestsPerSecond: number };
  cpu_cores_under_load: Record<string, number | null>;
  target: { met: boolean; over: string[] };
}): string {
  const rows = Object.entries(report.rss_mb).map(([name, { idle, load }]) => [
    name,
    formatNumber(idle, 1),
    formatNumber(load, 1),
    idle !== null && idle <= IDLE_TARGET_MB ? 'yes' : 'no',
  ]);
  const infra = Object.entries(report.infrastructure_rss_mb_idle)
    .map(([name, mb]) => `${name} ${formatNumber(mb, 0)} MB`)
    .join(', ');
  return [
    formatTable(['resident memory (MB)', 'idle', 'under load (peak)', 'idle ≤ 150 MB'], rows),
    '',
    `intake load: ${formatNumber(report.load.requestsPerSecond, 1)} applications/s · stack servers (idle): ${infra}`,
    `an empty process started the same way (node --import tsx): ${formatNumber(report.empty_node_tsx_rss_mb, 1)} MB`,
    `CPU under the load (cores of ${availableParallelism()}): ` +
      Object.entries(report.cpu_cores_under_load)
        .map(([name, c]) => `${name} ${formatNumber(c, 2)}`)
        .join(', '),
    `target (DESIGN.md) every service under 150 MB idle: ${report.target.met ? 'yes' : `no (${report.target.over.join(', ')})`}`,
  ].join('\n');
}

runMain({ name: 'memory', usage: USAGE, parse, benchmark });
