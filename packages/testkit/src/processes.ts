import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { waitFor } from './wait-for';

const REPO_ROOT = resolve(__dirname, '../../..');
// `node --import tsx` rather than the tsx command: the command runs the program in a child
// process, so a signal to the recorded PID (SIGKILL in crash tests) would miss the service.
const NODE_ARGS = ['--import', 'tsx'];

export interface ServiceProcess {
  name: string;
  /** Base URL when the process serves HTTP. */
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, for failure messages. */
  output: () => string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/**
 * Starts a service entry point (a .ts file, relative to the repository root) as its own
 * process, as `npm start` does, and waits for its /readyz when it has a port.
 */
export async function startServiceProcess(options: {
  name: string;
  entry: string;
  env: Record<string, string>;
  port?: number;
  readyTimeoutMs?: number;
}): Promise<ServiceProcess> {
  const { name, entry, env, port } = options;
  let output = '';
  const child = spawn(process.execPath, [...NODE_ARGS, resolve(REPO_ROOT, entry)], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      ...env,
      ...(port === undefined ? {} : { PORT: String(port) }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  const url = port === undefined ? '' : `http://127.0.0.1:${port}`;
  if (port !== undefined) {
    await waitFor(
      async () => {
        if (ended) throw new Error(`${name} exited during start-up:\n${output.slice(-2000)}`);
        const response = await fetch(`${url}/readyz`);
        return response.ok;
      },
      {
        description: `${name} to be ready`,
        timeoutMs: options.readyTimeoutMs ?? 60_000,
        intervalMs: 200,
      },
    ).catch((error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    });
  }
  return {
    name,
    url,
    child,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (!ended) child.kill(signal);
      return exited;
    },
  };
}
