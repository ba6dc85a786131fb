import { abortOnSignals, InterruptedError } from './interrupt';
import { dropTimeoutNegativeWarnings } from './quiet-warnings';

/** Steps run at the end whatever happened, newest first (unshift them). */
export type Cleanup = Array<{ what: string; run: () => Promise<unknown> }>;

export const sayAs =
  (name: string) =>
  (line: string): void => {
    process.stderr.write(`[${name}] ${line}\n`);
  };

/**
 * The frame of every benchmark: options (undefined for --help prints the usage), Ctrl-C,
 * cleanup on every exit path, and the exit code: 0 when the figures were written (whatever
 * they are), 1 on a real error, 2 on bad options, 130 when interrupted.
 */
export function runMain<O>(options: {
  name: string;
  usage: string;
  parse: (argv: string[]) => O | undefined;
  benchmark: (options: O, signal: AbortSignal, cleanup: Cleanup) => Promise<void>;
}): void {
  const say = sayAs(options.name);
  const main = async (): Promise<number> => {
    let parsed: O | undefined;
    try {
      parsed = options.parse(process.argv.slice(2).filter((arg) => arg !== '--'));
    } catch (error) {
      process.stderr.write(`${messageOf(error)}\n\n${options.usage}`);
      return 2;
    }
    if (parsed === undefined) {
      process.stdout.write(options.usage);
      return 0;
    }
    const signal = abortOnSignals();
    dropTimeoutNegativeWarnings();
    const cleanup: Cleanup = [];
    try {
      await options.benchmark(parsed, signal, cleanup);
      return 0;
    } catch (error) {
      if (error instanceof InterruptedError) {
        say(`${error.message}; nothing written`);
        return 130;
      }
      say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return 1;
    } finally {
      await runCleanup(cleanup, say);
    }
  };
  void main().then((code) => process.exit(code));
}

/** Every step runs even when an earlier one fails; failures are reported, not thrown. */
export async function runCleanup(cleanup: Cleanup, say: (line: string) => void): Promise<void> {
  for (const step of cleanup) {
    try {
      await step.run();
    } catch (error) {
      say(`cleanup '${step.what}' failed: ${messageOf(error)}`);
    }
  }
}

export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Polls `check` until it returns true, the time is up, or the run is aborted. */
export async function pollUntil(
  check: () => Promise<boolean>,
  options: { timeoutMs: number; intervalMs: number; signal: AbortSignal },
): Promise<boolean> {
  const until = Date.now() + options.timeoutMs;
  for (;;) {
    options.signal.throwIfAborted();
    if (await check()) return true;
    if (Date.now() >= until) return false;
    await sleep(options.intervalMs);
  }
}
