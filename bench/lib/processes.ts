import { freePort, startServiceProcess, type ServiceProcess } from '@grunderboost/testkit';

/** Every process a benchmark started, so each exit path (including a second Ctrl-C) ends them. */
const started = new Set<ServiceProcess>();

/**
 * Starts a TypeScript entry point (relative to the repository root) as its own process with
 * `node --import tsx`, as infra/local/apps does, and waits for its GET /readyz. Without a port
 * (the journey worker serves no HTTP) it returns once the process is spawned.
 */
export async function startProcess(options: {
  name: string;
  entry: string;
  port?: number;
  env: Record<string, string>;
}): Promise<ServiceProcess> {
  const child = await startServiceProcess({ ...options, readyTimeoutMs: 90_000 });
  started.add(child);
  return child;
}

/** Two distinct free ports (asked one after the other, the OS may hand out one twice). */
export async function freePortPair(): Promise<[number, number]> {
  const first = await freePort();
  let second = await freePort();
  while (second === first) second = await freePort();
  return [first, second];
}

/** SIGTERM (graceful: drain HTTP, flush the producer), then SIGKILL when it takes too long. */
export async function stopProcess(child: ServiceProcess, graceMs = 15_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const tooLong = new Promise<'too long'>((done) => {
    timer = setTimeout(() => done('too long'), graceMs);
  });
  const outcome = await Promise.race([child.stop('SIGTERM'), tooLong]);
  clearTimeout(timer);
  if (outcome === 'too long') {
    process.stderr.write(`${child.name} did not stop within ${graceMs} ms; killing it\n`);
    await child.stop('SIGKILL');
  }
  started.delete(child);
}

/** Last resort (a second Ctrl-C): no waiting, no graceful shutdown. */
export function killAllStarted(): void {
  for (const child of started) child.child.kill('SIGKILL');
  started.clear();
}

/** The end of what a process wrote, for error messages (its logs run at LOG_LEVEL=warn). */
export function outputTail(child: ServiceProcess, characters = 2_000): string {
  const output = child.output().trim();
  return output.length > characters ? `…${output.slice(-characters)}` : output;
}
