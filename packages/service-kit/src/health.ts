import type { Request, Response, Router } from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { methodNotAllowed } from './method-not-allowed';
import { sendProblem } from './problem';

/** A dependency the service needs to do useful work (database, broker). */
export interface ReadinessCheck {
  name: string;
  /** Resolves when the dependency answers; rejects (or hangs past the timeout) when not. */
  check: () => Promise<void>;
}

export type CheckOutcome = 'ok' | 'failed' | 'timed out';

export const DEFAULT_READINESS_TIMEOUT_MS = 2_000;

async function runCheck(
  check: ReadinessCheck,
  timeoutMs: number,
  log: Logger,
): Promise<CheckOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), timeoutMs);
  });
  const checked = check.check().then(
    (): CheckOutcome => 'ok',
    (error: unknown): CheckOutcome => {
      log.warn({ err: error, check: check.name }, 'readiness check failed');
      return 'failed';
    },
  );
  try {
    return await Promise.race([checked, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs all checks in parallel, so the slowest one bounds the answer time. */
export async function runReadinessChecks(
  checks: ReadinessCheck[],
  timeoutMs: number,
  log: Logger,
): Promise<Record<string, CheckOutcome>> {
  const outcomes = await Promise.all(checks.map((check) => runCheck(check, timeoutMs, log)));
  const byName: Record<string, CheckOutcome> = {};
  checks.forEach((check, index) => {
    byName[check.name] = outcomes[index] ?? 'failed';
  });
  return byName;
}

export interface HealthOptions {
  readiness: ReadinessCheck[];
  readinessTimeoutMs: number;
  registry: Registry;
}

function readyz(options: HealthOptions) {
  return async (req: Request, res: Response): Promise<void> => {
    const checks = await runReadinessChecks(options.readiness, options.readinessTimeoutMs, req.log);
    const failing = Object.keys(checks).filter((name) => checks[name] !== 'ok');
    res.setHeader('Cache-Control', 'no-store');
    if (failing.length === 0) {
      res.json({ status: 'ready', checks });
      return;
    }
    // 503 is right here: the service cannot serve yet; nothing is wrong with the request.
    sendProblem(req, res, {
      status: 503,
      title: 'Service Unavailable',
      detail: `Not ready: ${failing.join(', ')}`,
      extensions: { checks },
    });
  };
}

/**
 * /healthz (liveness: the process answers, no dependency checks, so a database outage does not
 * get every replica restarted), /readyz (readiness) and /metrics; other methods get 405.
 */
export function mountHealthRoutes(router: Router, options: HealthOptions): void {
  const onlyGet = methodNotAllowed(['GET']);
  router
    .route('/healthz')
    .get((_req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json({ status: 'ok' });
    })
    .all(onlyGet);
  router.route('/readyz').get(readyz(options)).all(onlyGet);
  router
    .route('/metrics')
    .get(async (_req, res) => {
      res.type(options.registry.contentType).send(await options.registry.metrics());
    })
    .all(onlyGet);
}
