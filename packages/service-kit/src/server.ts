import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { answerClientError } from './client-error';
import { closeOnSignals, forgetOnSignals } from './shutdown-signals';

export interface ServerOptions {
  port: number;
  host: string;
  logger: Logger;
  /** The whole shutdown (draining requests and hooks) must fit in this time. */
  shutdownTimeoutMs: number;
  /** Run in order after the last request finished: stop consumers, flush producers, close the DB. */
  onShutdown?: Array<() => Promise<void>>;
}

export interface RunningServer {
  /** The actual port (PORT=0 picks a free one). */
  port: number;
  url: string;
  /** Graceful shutdown as on SIGTERM, without exiting the process. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Stops accepting connections and resolves once the in-flight requests are answered. Idle
 * keep-alive connections would hold server.close() open until they time out, so they are
 * closed now, and again as in-flight requests finish; requests still arriving on an open
 * connection are answered with "Connection: close".
 */
function drain(server: Server): Promise<void> {
  const onRequest = (_req: unknown, res: { setHeader(name: string, value: string): void }) => {
    res.setHeader('Connection', 'close');
  };
  server.on('request', onRequest);
  const sweeper = setInterval(() => server.closeIdleConnections(), 50);
  return new Promise<void>((resolve, reject) => {
    server.close((error) => {
      clearInterval(sweeper);
      server.off('request', onRequest);
      if (error === undefined) resolve();
      else reject(error);
    });
    server.closeIdleConnections();
  });
}

/** Runs every hook, even after one fails (the database still gets closed), in order. */
async function runHooks(hooks: Array<() => Promise<void>>, logger: Logger): Promise<void> {
  let firstError: Error | undefined;
  for (const [index, hook] of hooks.entries()) {
    try {
      await hook();
    } catch (error) {
      logger.error({ err: error, hook: index }, 'shutdown hook failed');
      firstError ??= error instanceof Error ? error : new Error(String(error));
    }
  }
  if (firstError !== undefined) {
    throw firstError;
  }
}

async function shutdown(server: Server, options: ServerOptions): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`shutdown took longer than ${options.shutdownTimeoutMs} ms`));
    }, options.shutdownTimeoutMs);
  });
  const graceful = async () => {
    await drain(server);
    await runHooks(options.onShutdown ?? [], options.logger);
  };
  try {
    await Promise.race([graceful(), deadline]);
  } catch (error) {
    // Out of time or failed: cut the remaining connections so nothing keeps the process up.
    server.closeAllConnections();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Listens, and shuts down gracefully on SIGTERM/SIGINT or close(). */
export async function startServer(app: Express, options: ServerOptions): Promise<RunningServer> {
  const server = createServer(app);
  server.on('clientError', answerClientError);
  await listen(server, options.port, options.host);
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;

  let closing: Promise<void> | undefined;
  const entry = {
    logger: options.logger,
    close: (): Promise<void> => {
      closing ??= shutdown(server, options).finally(() => forgetOnSignals(entry));
      return closing;
    },
  };
  closeOnSignals(entry);
  options.logger.info({ url }, 'listening');
  return { port, url, close: entry.close };
}
