import type { Logger } from 'pino';

interface Closable {
  close(): Promise<void>;
  logger: Logger;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

// One set of handlers for the whole process, however many servers it runs.
const servers = new Set<Closable>();
let shuttingDown = false;

function onSignal(signal: NodeJS.Signals): void {
  const logger = [...servers][0]?.logger;
  if (shuttingDown) {
    // A second Ctrl-C means "now": do not wait for the graceful path.
    logger?.warn({ signal }, 'second signal during shutdown, exiting now');
    process.exit(1);
  }
  shuttingDown = true;
  logger?.info({ signal }, 'shutting down');
  void Promise.all([...servers].map((server) => server.close())).then(
    () => {
      logger?.info('shutdown complete');
      process.exit(0);
    },
    (error: unknown) => {
      logger?.fatal({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
}

/** Shut this server down on SIGTERM/SIGINT, then exit (0, or 1 when shutdown failed). */
export function closeOnSignals(server: Closable): void {
  if (servers.size === 0) {
    for (const signal of SIGNALS) {
      process.on(signal, onSignal);
    }
  }
  servers.add(server);
}

/** The server closed by itself (close() in tests): without servers, signals act as usual. */
export function forgetOnSignals(server: Closable): void {
  servers.delete(server);
  if (servers.size === 0 && !shuttingDown) {
    for (const signal of SIGNALS) {
      process.off(signal, onSignal);
    }
  }
}
