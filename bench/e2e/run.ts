import { loadavg } from 'node:os';
import { machineDescription } from '../lib/machine';
import { runMain, sayAs, type Cleanup } from '../lib/main';
import { parseCommon, positiveInteger, type CommonOptions } from '../lib/options';
import { writeResult } from '../lib/results';
import { JOURNEY_SERVICES, runScope, service, startServices } from '../lib/services';
import { stackUp } from '../lib/stack';
import { assignmentReader } from './assignments';
import { measureJourneys } from './journeys';
import { e2eVerdict, formatJourneys, printServerErrors } from './report';

/**
 * bench/e2e: application submitted → CounsellorAssigned consumed, through the real intake,
 * counselling, journey bridge and worker (Kafka and Temporal), at 20 applications/s.
 */
const say = sayAs('e2e');

const USAGE = `pnpm --filter @grunderboost/bench e2e [--quick] [--rate N] [--seconds S] [--keep]

  --quick        10 s of load instead of 60 s
  --rate N       applications per second (default 20)
  --seconds S    seconds of load (default 60; quick 10)
  --keep         keep the run's databases and topics
`;

interface Options extends CommonOptions {
  rate: number;
  seconds: number;
}

function parse(argv: string[]): Options | undefined {
  const common = parseCommon(argv, { rate: { type: 'string' }, seconds: { type: 'string' } });
  if (common === undefined) return undefined;
  return {
    ...common,
    rate: positiveInteger('rate', common.values.rate, 20),
    seconds: positiveInteger('seconds', common.values.seconds, common.quick ? 10 : 60),
  };
}

async function benchmark(options: Options, signal: AbortSignal, cleanup: Cleanup) {
  const loadAtStart = loadavg()[0] ?? 0;
  say('starting the local stack (infra/local/stack up; already running is fine)');
  const scope = runScope(await stackUp(), 'e2e');
  say(`starting ${JOURNEY_SERVICES.join(', ')} (prefix ${scope.prefix})`);
  const started = await startServices([...JOURNEY_SERVICES], scope, cleanup, {
    keep: options.keep,
  });
  const reader = await assignmentReader(scope.brokers, scope.prefix);
  cleanup.unshift({ what: 'stop the assignment reader', run: () => reader.stop() });
  say(`${options.rate} applications/s for ${options.seconds} s`);
  const result = await measureJourneys({
    intakeUrl: service(started, 'intake').url,
    reader,
    perSecond: options.rate,
    seconds: options.seconds,
    waitSeconds: options.quick ? 20 : 60,
    firstIndex: 0,
    name: 'e2e',
    signal,
  });
  const report = {
    when: new Date().toISOString(),
    machine: machineDescription(loadAtStart),
    settings: {
      mode: options.quick ? 'quick' : 'default',
      rate: options.rate,
      seconds: options.seconds,
      prefix: scope.prefix,
    },
    e2e: {
      p50_ms: result.submittedToAssignedMs.p50,
      p99_ms: result.submittedToAssignedMs.p99,
      accepted_p50_ms: result.acceptedToAssignedMs.p50,
      accepted_p99_ms: result.acceptedToAssignedMs.p99,
      ...result,
    },
    target: e2eVerdict(result),
  };
  process.stdout.write(`\n${formatJourneys(result)}\n`);
  printServerErrors(result.failures, service(started, 'intake'));
  say(`written to ${await writeResult('e2e', report)}`);
}

runMain({ name: 'e2e', usage: USAGE, parse, benchmark });
