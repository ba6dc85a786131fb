import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';

// Probes and scrapes arrive every few seconds; logging them would drown the real traffic.
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

function pathOf(req: IncomingMessage): string {
  return (req.url ?? '').split('?')[0] ?? '';
}

function levelFor(_req: IncomingMessage, res: ServerResponse, error?: Error) {
  if (error !== undefined || res.statusCode >= 500) {
    return 'error';
  }
  return res.statusCode >= 400 ? 'warn' : 'info';
}

/**
 * One access log line per request, and req.log: a child logger carrying the request id, so
 * every line a handler writes can be joined with the access line and with other services.
 */
export function accessLog(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    // requestId() ran first and validated or generated the id.
    genReqId: (req) => req.id,
    customAttributeKeys: { reqId: 'requestId' },
    // req.log gets only the id; the full request is logged once, on the access line.
    quietReqLogger: true,
    customLogLevel: levelFor,
    autoLogging: { ignore: (req) => QUIET_PATHS.has(pathOf(req)) },
  });
}
