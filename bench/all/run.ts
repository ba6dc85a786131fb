import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { machineDescription } from '../lib/machine';
import { messageOf, sayAs } from '../lib/main';
import { readResult, writeResult } from '../lib/results';
import { collectLatest } from './collect';

/**
 * `pnpm --filter @grunderboost/bench all [--quick]`: every benchmark in sequence, each as its
 * own process (`tsx <name>/run.ts`), then the fault scenarios and the fuzzing run when
 * bench/package.json has `faults` and `fuzz` scripts, and finally bench/results/latest.json.
 * Exit 0 when every step ran (whatever its figures), 1 when one failed for real.
 */
const say = sayAs('all');
const BENCHMARKS = [
  'intake',
  'pipeline',
  'e2e',
  'rebuild',
  'database',
  'growth',
  'memory',
] as const;
const EXTERNAL = ['faults', 'fuzz'] as const;
const PACKAGE_JSON = resolve(__dirname, '../package.json');

export type StepOutcome = {
  name: string;
  status: 'ok' | 'failed' | 'not available' | 'earlier run';
  seconds: number;
  exit?: number | string;
  /** For an earlier run: when its result was written. */
  when?: string;
};

function runChild(name: string, command: string[], quick: boolean): Promise<StepOutcome> {
  const started = Date.now();
  const args = [...command, ...(quick ? ['--quick'] : [])];
  say(`▶ ${name}: ${args.join(' ')}`);
  return new Promise((done) => {
    const child = spawn(args[0] ?? 'tsx', args.slice(1), {
      cwd: resolve(__dirname, '..'),
      stdio: 'inherit',
    });
    const finish = (exit: number | string) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      const status = exit === 0 ? 'ok' : 'failed';
      say(
        `${status === 'ok' ? '✓' : '✗'} ${name}: ${status} after ${seconds} s${exit === 0 ? '' : ` (exit ${exit})`}`,
      );
      done({ name, status, seconds, exit });
    };
    child.once('error', (error) => finish(messageOf(error)));
    child.once('exit', (code, signal) => finish(code ?? signal ?? 'unknown'));
  });
}

async function scripts(): Promise<Record<string, string>> {
  const manifest = JSON.parse(await readFile(PACKAGE_JSON, 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return manifest.scripts ?? {};
}

const USAGE = `pnpm --filter @grunderboost/bench all [--quick] [--only name,name]

  --quick        every step at its small sizes (CI)
  --only LIST    run only these steps; the others' figures are taken from their last
                 results/<name>.json, marked "earlier run" with its time in latest.json
                 (steps: ${[...BENCHMARKS, ...EXTERNAL].join(', ')})
`;

interface AllOptions {
  quick: boolean;
  only: Set<string> | undefined;
}

function parseAll(argv: string[]): AllOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help === true) return 'help';
  const only = values.only?.split(',').map((name) => name.trim());
  const known: string[] = [...BENCHMARKS, ...EXTERNAL];
  const unknown = (only ?? []).filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new Error(`--only: no step named ${unknown.join(', ')}`);
  return { quick: values.quick === true, only: only === undefined ? undefined : new Set(only) };
}

/** One step: run it, or (outside --only) take its last result file as an earlier run. */
async function step(
  name: string,
  command: string[] | undefined,
  options: AllOptions,
): Promise<StepOutcome> {
  if (options.only !== undefined && !options.only.has(name)) {
    const earlier = await readResult(name);
    const when = (earlier as { when?: unknown } | undefined)?.when;
    say(
      `${name}: not run (--only); ${typeof when === 'string' ? `its run of ${when}` : 'no earlier result'}`,
    );
    return {
      name,
      status: typeof when === 'string' ? 'earlier run' : 'not available',
      seconds: 0,
      ...(typeof when === 'string' ? { when } : {}),
    };
  }
  if (command === undefined) {
    say(`${name}: not available (no '${name}' script in bench/package.json)`);
    return { name, status: 'not available', seconds: 0 };
  }
  return runChild(name, command, options.quick);
}

async function main(): Promise<number> {
  let options: AllOptions | 'help';
  try {
    options = parseAll(process.argv.slice(2).filter((arg) => arg !== '--'));
  } catch (error) {
    process.stderr.write(`${messageOf(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const loadAtStart = loadavg()[0] ?? 0;
  const started = Date.now();
  const outcomes: StepOutcome[] = [];
  let interrupted = false;
  process.on('SIGINT', () => (interrupted = true));
  const tsx = resolve(__dirname, '../node_modules/.bin/tsx');
  const available = await scripts();
  const commands: Array<[string, string[] | undefined]> = [
    ...BENCHMARKS.map((name): [string, string[]] => [name, [tsx, `${name}/run.ts`]]),
    ...EXTERNAL.map((name): [string, string[] | undefined] => [
      name,
      available[name] === undefined ? undefined : ['pnpm', 'run', '--silent', name, '--'],
    ]),
  ];
  for (const [name, command] of commands) {
    if (interrupted) break;
    outcomes.push(await step(name, command, options));
  }
  const latest = await collectLatest({
    machine: machineDescription(loadAtStart),
    quick: options.quick,
    seconds: Math.round((Date.now() - started) / 1000),
    outcomes,
    read: readResult,
  });
  say(`written to ${await writeResult('latest', latest)}`);
  process.stdout.write(`\n${latest.summary.join('\n')}\n`);
  const failed = outcomes.filter((o) => o.status === 'failed');
  if (interrupted) return 130;
  if (failed.length > 0) say(`failed: ${failed.map((o) => o.name).join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

void main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`failed: ${messageOf(error)}`);
    process.exit(1);
  },
);
