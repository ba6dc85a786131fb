import { execFile, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../lib/stack';
import type { AuthProfile } from './profiles';

/** The tools virtual environment infra/local/lib creates; bench/fuzz/install.sh fills it. */
export const VENV = resolve(
  process.env.GB_VENV ??
    resolve(process.env.GB_CACHE_DIR ?? resolve(homedir(), '.cache/grunderboost'), 'venv'),
);
const ST = resolve(VENV, 'bin/st');

/**
 * Installs the pinned schemathesis when it is missing (cached: returns at once otherwise) and
 * answers its version ("4.32.5").
 */
export async function installSchemathesis(): Promise<string> {
  const code = await runToEnd('bash', [resolve(REPO_ROOT, 'bench/fuzz/install.sh')], { stdio: 2 });
  if (code !== 0) throw new Error(`bench/fuzz/install.sh failed (exit ${code})`);
  const { stdout } = await promisify(execFile)(ST, ['--version']);
  return /\d+\.\d+\.\d+/.exec(stdout)?.[0] ?? stdout.trim();
}

export interface FuzzSettings {
  maxExamples: number;
  phases: string[];
  checks: string[];
  requestTimeoutSeconds: number;
}

/**
 * `st run` of one document against one service with one profile's credentials. Its NDJSON
 * report (every request and response, every check) goes to `ndjsonPath`, its console output to
 * `logPath`. Resolves with st's exit code: 0 nothing found, 1 findings, anything else an error.
 */
export function runSchemathesis(options: {
  document: string;
  baseUrl: string;
  profile: AuthProfile;
  settings: FuzzSettings;
  ndjsonPath: string;
  logPath: string;
  workDir: string;
}): Promise<number> {
  const { settings, profile } = options;
  const args = [
    'run',
    options.document,
    ['--url', options.baseUrl],
    ['--header', `${profile.header[0]}: ${profile.header[1]}`],
    profile.operations.flatMap((operation) => ['--include-name', operation]),
    ['--workers', '1'],
    ['--max-examples', String(settings.maxExamples)],
    ['--phases', settings.phases.join(',')],
    ['--checks', settings.checks.join(',')],
    ['--request-timeout', String(settings.requestTimeoutSeconds)],
    // Keep every case of a scenario after a failure, so the counts cover the whole run.
    '--continue-on-failure',
    ['--report', 'ndjson'],
    ['--report-ndjson-path', options.ndjsonPath],
    ['--no-color'],
  ].flat();
  const log = createWriteStream(options.logPath);
  return runToEnd(ST, args, { stdio: log, cwd: options.workDir });
}

function runToEnd(
  command: string,
  args: string[],
  options: { stdio: 2 | NodeJS.WritableStream; cwd?: string },
): Promise<number> {
  return new Promise((done, fail) => {
    const toFile = options.stdio !== 2;
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      stdio: ['ignore', toFile ? 'pipe' : 2, toFile ? 'pipe' : 2],
    });
    if (options.stdio !== 2) {
      child.stdout?.pipe(options.stdio, { end: false });
      child.stderr?.pipe(options.stdio, { end: false });
    }
    child.once('error', fail);
    child.once('close', (code, signal) => done(code ?? (signal === null ? 1 : 128)));
  });
}
