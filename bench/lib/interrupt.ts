import { killAllStarted } from './processes';

export class InterruptedError extends Error {
  constructor(signal: string) {
    super(`interrupted by ${signal}`);
    this.name = 'InterruptedError';
  }
}

/**
 * The first SIGINT/SIGTERM aborts the returned signal: the running load phase stops and the
 * benchmark's finally blocks stop its processes and drop its data. A second one kills the
 * started processes at once and exits.
 */
export function abortOnSignals(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      process.stderr.write(`\n${signal} again: killing the started processes and exiting\n`);
      killAllStarted();
      process.exit(130);
    }
    process.stderr.write(`\n${signal}: stopping the load, then cleaning up (again to force)\n`);
    controller.abort(new InterruptedError(signal));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller.signal;
}
