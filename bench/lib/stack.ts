import { execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

export const REPO_ROOT = resolve(__dirname, '../..');
const STACK_SCRIPT = resolve(REPO_ROOT, 'infra/local/stack');

/** The addresses `infra/local/stack env` prints (KAFKA_BROKERS, MONGO_URL, MONGO_FLAVOUR, …). */
export type StackEnv = Record<string, string>;

/**
 * `infra/local/stack up`: idempotent, so a stack others already run is left as it is. Its
 * progress goes to this process's stderr; benchmarks never take the stack down.
 */
export async function stackUp(): Promise<StackEnv> {
  await new Promise<void>((done, fail) => {
    const child = spawn('bash', [STACK_SCRIPT, 'up'], { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0
        ? done()
        : fail(new Error(`'infra/local/stack up' failed (exit ${code}); see its message above`)),
    );
  });
  return stackEnv();
}

export async function stackEnv(): Promise<StackEnv> {
  const { stdout } = await promisify(execFile)('bash', [STACK_SCRIPT, 'env'], { cwd: REPO_ROOT });
  const env: StackEnv = {};
  for (const line of stdout.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) env[match[1]] = match[2];
  }
  return env;
}

/** A stack address the benchmark cannot do without. */
export function required(env: StackEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new Error(`'infra/local/stack env' printed no ${name}`);
  }
  return value;
}

/** The URL of one database on the stack's MongoDB-compatible server. */
export function mongoDatabaseUrl(env: StackEnv, database: string): string {
  const url = new URL(required(env, 'MONGO_URL'));
  url.pathname = `/${database}`;
  return url.toString();
}
