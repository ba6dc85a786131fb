import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../lib/stack';

/**
 * Runs metrics' own rebuild command (services/metrics/src/cli/rebuild.ts, what
 * `pnpm --filter @grunderboost/metrics run rebuild` runs) as a child process and reads its
 * progress lines: `version 2: 3000 events in 1.0 s, 2907 events/s, lag 0`.
 */
export interface RebuildTimes {
  /** The first line at lag 0: everything replayed into memory. */
  replayed?: { events: number; seconds: number };
  /** The last line, after writing the version to the database and switching to it. */
  finished?: { events: number; seconds: number };
  switchedTo?: number;
  wallSeconds: number;
  pid: number | null;
}

const PROGRESS = /^version (\d+): (\d+) events in ([\d.]+) s, \d+ events\/s, lag (\d+)$/;

export function runRebuild(
  env: Record<string, string>,
  onLine: (line: string) => void,
  onStart: (pid: number | null) => void,
): Promise<RebuildTimes> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(REPO_ROOT, 'services/metrics/src/cli/rebuild.ts')],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  onStart(child.pid ?? null);
  const times: RebuildTimes = { wallSeconds: 0, pid: child.pid ?? null };
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-3_000)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    onLine(line);
    const match = PROGRESS.exec(line.trim());
    if (match !== null) {
      const point = { events: Number(match[2]), seconds: Number(match[3]) };
      if (match[4] === '0' && times.replayed === undefined) times.replayed = point;
      times.finished = point;
    }
    const switched = /^switched to projection version (\d+)$/.exec(line.trim());
    if (switched !== null) times.switchedTo = Number(switched[1]);
  });
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      times.wallSeconds = (Date.now() - started) / 1000;
      if (code === 0) done(times);
      else fail(new Error(`the rebuild command ended with ${code ?? signal}:\n${errors}`));
    });
  });
}
