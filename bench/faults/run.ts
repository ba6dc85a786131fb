import { loadavg } from 'node:os';
import { machineDescription } from '../lib/machine';
import { runCleanup, runMain, sayAs, type Cleanup } from '../lib/main';
import { parseCommon, type CommonOptions } from '../lib/options';
import { writeResult } from '../lib/results';
import { stackUp } from '../lib/stack';
import { kafkaKill } from './kafka-kill';
import { formatFaults } from './report';
import { replay } from './replay';
import type { ScenarioContext, ScenarioResult } from './scenario';
import { serviceKill } from './service-kill';
import { workerKill } from './worker-kill';

/**
 * bench/faults: fault injection (issue 9). Each scenario kills something in the middle of real
 * work and counts, per event, application or journey, what was sent, what arrived, what was
 * lost and what arrived twice. Losses are figures, not failures.
 */
const say = sayAs('faults');

const SCENARIOS: Record<string, (context: ScenarioContext) => Promise<ScenarioResult>> = {
  kafka_kill: kafkaKill,
  worker_kill: workerKill,
  service_kill: serviceKill,
  replay,
};

const USAGE = `pnpm --filter @grunderboost/bench faults [--quick] [--only <scenario>] [--keep]

  --quick            fewer kills, fewer journeys, a smaller history (about 3 minutes in all)
  --only SCENARIO    run one scenario: ${Object.keys(SCENARIOS).join(', ')}
  --keep             keep the run's databases and topics
`;

interface Options extends CommonOptions {
  only: string[];
}

function parse(argv: string[]): Options | undefined {
  const common = parseCommon(argv, { only: { type: 'string' } });
  if (common === undefined) return undefined;
  const only = common.values.only;
  if (only !== undefined && !(only in SCENARIOS)) {
    throw new Error(`--only expects one of ${Object.keys(SCENARIOS).join(', ')}, got '${only}'`);
  }
  return { ...common, only: only === undefined ? Object.keys(SCENARIOS) : [only] };
}

async function benchmark(options: Options, signal: AbortSignal, cleanup: Cleanup) {
  const loadAtStart = loadavg()[0] ?? 0;
  const started = Date.now();
  say('starting the local stack (infra/local/stack up; already running is fine)');
  const stack = await stackUp();
  const faults: Record<string, ScenarioResult> = {};
  const failed: string[] = [];
  for (const name of options.only) {
    const scenarioSay = sayAs(`faults ${name}`);
    const own: Cleanup = [];
    // Also on the run's list: a Ctrl-C during the scenario still stops what it started.
    const step = {
      what: `clean up after ${name}`,
      run: () => runCleanup(own.splice(0), scenarioSay),
    };
    cleanup.unshift(step);
    const scenarioStart = Date.now();
    try {
      faults[name] = await SCENARIOS[name]!({
        stack,
        ...options,
        signal,
        cleanup: own,
        say: scenarioSay,
      });
      faults[name].scenario_seconds = Math.round((Date.now() - scenarioStart) / 100) / 10;
    } catch (error) {
      // The other scenarios still run and are written; the run exits 1 at the end.
      if (signal.aborted) throw error;
      scenarioSay(
        `failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      failed.push(name);
    } finally {
      await step.run();
    }
  }
  const report = {
    when: new Date().toISOString(),
    machine: machineDescription(loadAtStart),
    settings: { mode: options.quick ? 'quick' : 'default', scenarios: options.only, failed },
    seconds: Math.round((Date.now() - started) / 100) / 10,
    faults,
  };
  process.stdout.write(`\n${formatFaults(faults)}\n`);
  say(`written to ${await writeResult('faults', report)} after ${report.seconds} s`);
  if (failed.length > 0) throw new Error(`scenarios not measured: ${failed.join(', ')}`);
}

runMain({ name: 'faults', usage: USAGE, parse, benchmark });
