import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
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
  status: 'ok' | 'failed' | 'not available';
  seconds: number;
  exit?: number | string;
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

async function main(): Promise<number> {
  const argv = process.argv.slice(2).filter((arg) => arg !== '--');
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write('pnpm --filter @grunderboost/bench all [--quick]\n');
    return 0;
  }
  const unknown = argv.filter((arg) => arg !== '--quick');
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown option(s): ${unknown.join(' ')}\nusage: pnpm --filter @grunderboost/bench all [--quick]\n`,
    );
    return 2;
  }
  const quick = argv.includes('--quick');
  const loadAtStart = loadavg()[0] ?? 0;
  const started = Date.now();
  const outcomes: StepOutcome[] = [];
  let interrupted = false;
  process.on('SIGINT', () => (interrupted = true));
  const tsx = resolve(__dirname, '../node_modules/.bin/tsx');
  for (const name of BENCHMARKS) {
    if (interrupted) break;
    outcomes.push(await runChild(name, [tsx, `${name}/run.ts`], quick));
  }
  const available = await scripts();
  for (const name of EXTERNAL) {
    if (interrupted) break;
    if (available[name] === undefined) {
      say(`${name}: not available (no '${name}' script in bench/package.json)`);
      outcomes.push({ name, status: 'not available', seconds: 0 });
    } else {
      outcomes.push(await runChild(name, ['pnpm', 'run', '--silent', name, '--'], quick));
    }
  }
  const latest = await collectLatest({
    machine: machineDescription(loadAtStart),
    quick,
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
