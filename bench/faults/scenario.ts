import type { Cleanup } from '../lib/main';
import type { StackEnv } from '../lib/stack';
import type { Figures } from './tally';

/** What every scenario gets: the stack, the mode, Ctrl-C, and a cleanup list of its own. */
export interface ScenarioContext {
  stack: StackEnv;
  quick: boolean;
  keep: boolean;
  signal: AbortSignal;
  /** Run when the scenario ends (newest first), so the next one starts on a quiet machine. */
  cleanup: Cleanup;
  say: (line: string) => void;
}

/** The four figures plus what else the scenario measured (kills, seconds, rates, hashes…). */
export type ScenarioResult = Figures & Record<string, number | string | boolean | null>;

/** Calls `line()` every `seconds` until the returned function is called. */
export function everySeconds(seconds: number, line: () => Promise<void> | void): () => void {
  const timer = setInterval(
    () => void Promise.resolve(line()).catch(() => undefined),
    seconds * 1000,
  );
  return () => clearInterval(timer);
}

export const secondsSince = (start: number): number => Math.round((Date.now() - start) / 100) / 10;
