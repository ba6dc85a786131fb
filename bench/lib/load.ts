import autocannon from 'autocannon';
import { showProgress } from './progress';
import { round, summariseLatencies, type LatencySummary } from './stats';

/** One HTTP endpoint under load; every request gets its own body and headers. */
export interface LoadTarget {
  name: string;
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  path: string;
  nextRequest: () => { body: string; headers: Record<string, string> };
}

export interface LoadOptions {
  warmupSeconds: number;
  seconds: number;
  connections: number;
  signal: AbortSignal;
}

/** What completed within one window of the run (a response counts where it arrived). */
export interface WindowResult {
  seconds: number;
  /** Completed responses (any status). */
  responses: number;
  /** Responses per second over the window. */
  requestsPerSecond: number;
  /** Over all responses of the window; requests that timed out have no latency. */
  latencyMs: LatencySummary;
  status: { '2xx': number; '3xx': number; '4xx': number; '5xx': number };
  /** Responses per status code, e.g. { "201": 9800, "200": 2 }. */
  byCode: Record<string, number>;
  /** Connection errors other than timeouts. */
  errors: number;
  /** Requests without an answer within autocannon's timeout (10 s). */
  timeouts: number;
}

export interface LoadResult {
  warmup: WindowResult;
  measured: WindowResult;
  /**
   * Requests sent without an answer: in flight when the run ended (autocannon then closes the
   * connections), timed out or failed. The server may still have processed them.
   */
  unanswered: number;
}

/**
 * Keeps `connections` requests in flight (closed loop, no pipelining) for the warm-up and then
 * the measured window, in one continuous run: nothing is cut off between the two, so the
 * measured window does not start with the server still busy with abandoned warm-up requests.
 * An aborted signal ends the run early with what was measured.
 */
export async function runLoad(target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  const startedAt = Date.now();
  const warmup = new Window(startedAt);
  const measured = new Window(startedAt + options.warmupSeconds * 1000);
  const windowAt = (now: number) => (now < measured.startedAt ? warmup : measured);
  const endProgress = showProgress(target.name, startedAt, [
    { phase: 'warm-up', seconds: options.warmupSeconds, window: warmup },
    { phase: 'measure', seconds: options.seconds, window: measured },
  ]);
  try {
    const result = await new Promise<autocannon.Result>((done, fail) => {
      const instance = autocannon(
        {
          url: target.url,
          connections: options.connections,
          duration: options.warmupSeconds + options.seconds,
          headers: { 'content-type': 'application/json' },
          requests: [{ method: 'POST', path: target.path, setupRequest: withNext(target) }],
        },
        (error: unknown, finished) => (error ? fail(toError(error)) : done(finished)),
      );
      instance.on('response', (_client, status, _bytes, responseTime) => {
        windowAt(Date.now()).response(status, responseTime);
      });
      instance.on('reqError', (error: unknown) => windowAt(Date.now()).failure(error));
      const stop = () => instance.stop();
      options.signal.addEventListener('abort', stop, { once: true });
      instance.once('done', () => options.signal.removeEventListener('abort', stop));
    });
    const endedAt = Date.now();
    const responses = warmup.responses() + measured.responses();
    return {
      warmup: warmup.result(measured.startedAt),
      measured: measured.result(endedAt),
      unanswered: Math.max(0, result.requests.sent - responses),
    };
  } finally {
    endProgress();
  }
}

export class Window {
  private readonly latencies: number[] = [];
  private readonly byCode: Record<string, number> = {};
  private errors = 0;
  private timeouts = 0;

  constructor(readonly startedAt: number) {}

  response(status: number, latencyMs: number): void {
    this.latencies.push(latencyMs);
    this.byCode[status] = (this.byCode[status] ?? 0) + 1;
  }

  failure(error: unknown): void {
    if (error instanceof Error && /timed out/.test(error.message)) this.timeouts += 1;
    else this.errors += 1;
  }

  responses(): number {
    return this.latencies.length;
  }

  result(endedAt: number): WindowResult {
    const seconds = Math.max(0, (endedAt - this.startedAt) / 1000);
    const inClass = (digit: string) =>
      Object.entries(this.byCode)
        .filter(([code]) => code.startsWith(digit))
        .reduce((sum, [, count]) => sum + count, 0);
    return {
      seconds: round(seconds),
      responses: this.latencies.length,
      requestsPerSecond: seconds === 0 ? 0 : round(this.latencies.length / seconds, 1),
      latencyMs: summariseLatencies(this.latencies),
      status: {
        '2xx': inClass('2'),
        '3xx': inClass('3'),
        '4xx': inClass('4'),
        '5xx': inClass('5'),
      },
      byCode: { ...this.byCode },
      errors: this.errors,
      timeouts: this.timeouts,
    };
  }
}

function withNext(target: LoadTarget) {
  return (request: autocannon.Request): autocannon.Request => {
    const next = target.nextRequest();
    return { ...request, body: next.body, headers: { ...request.headers, ...next.headers } };
  };
}

const toError = (error: unknown): Error =>
  error instanceof Error ? error : new Error(`autocannon failed: ${String(error)}`);
