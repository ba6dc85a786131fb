import { hostname } from 'node:os';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';

export interface LoggerOptions {
  service: string;
  level: Level | 'silent';
  /** Where the JSON lines go; stdout when absent. Tests pass a stream to read them. */
  destination?: DestinationStream;
}

/**
 * Personal data must not reach the logs. Wildcards match one level deep only
 * (`*.email` covers `user.email`, not `a.user.email`), so log flat objects.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'email',
  'phone',
  '*.email',
  '*.phone',
  '*.name',
];

export function createLogger({ service, level, destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: { service, pid: process.pid, hostname: hostname() },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names ("error") read better in log search than pino's numbers (50).
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
