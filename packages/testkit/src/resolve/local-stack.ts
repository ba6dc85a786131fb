import { execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO_ROOT = resolve(__dirname, '../../../..');
export const STACK_SCRIPT = resolve(REPO_ROOT, 'infra/local/stack');

/** Runs `infra/local/stack <args>` with its progress shown on this process's stderr. */
export function runStack(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('bash', [STACK_SCRIPT, ...args], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0
        ? done()
        : fail(
            new Error(
              `'infra/local/stack ${args.join(' ')}' failed with exit code ${code}; ` +
                `its message above names what is missing`,
            ),
          ),
    );
  });
}

/** The addresses the local stack prints with `stack env` (KEY=value lines). */
export async function localStackEnv(): Promise<Record<string, string>> {
  const { stdout } = await run('bash', [STACK_SCRIPT, 'env']);
  const env: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) {
      env[match[1]] = match[2];
    }
  }
  return env;
}

/** Starts (installing first when needed) the local stack unless it is already healthy. */
export async function ensureLocalStack(): Promise<Record<string, string>> {
  const healthy = await run('bash', [STACK_SCRIPT, 'status']).then(
    () => true,
    () => false,
  );
  if (!healthy) {
    process.stderr.write('[testkit] starting the local stack (infra/local/stack up)\n');
    await runStack(['up']);
  }
  return localStackEnv();
}
