import type { Request, RequestHandler, Response } from 'express';
import { tooManyRequests } from './errors';

export interface RateLimitOptions {
  /** Names the limit in the 429 detail, e.g. 'submit-application'. */
  name: string;
  /** Requests allowed per key and window; 0 turns the limiter off. */
  limit: number;
  windowMs: number;
  /** Whose budget a request spends; default: the client IP (req.ip, so `trust proxy` applies). */
  keyOf?: (req: Request) => string;
  /** Turns the limiter off (benchmarks, load tests) without changing the route. */
  disabled?: boolean;
  /** Most keys tracked at once; default 10 000. The oldest window is dropped to make room. */
  maxKeys?: number;
  /** Milliseconds since the epoch; injectable so tests can move time. */
  now?: () => number;
}

interface Window {
  count: number;
  resetAt: number;
}

export const DEFAULT_MAX_KEYS = 10_000;

/**
 * Windows per key, in the order they started. Every window has the same length, so that order is
 * also the order in which they expire: expired ones are always at the front, and dropping the
 * front makes room for a new key. No timer is needed, and memory is bounded by maxKeys.
 */
class WindowStore {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys: number,
  ) {}

  /** Counts one request for key and returns its window after counting. */
  hit(key: string, now: number): Window {
    this.evictExpired(now);
    const current = this.windows.get(key);
    // Eviction relies on the clock moving forward; an ended window is never reused regardless.
    if (current !== undefined && current.resetAt > now) {
      current.count += 1;
      return current;
    }
    this.windows.delete(key);
    if (this.windows.size >= this.maxKeys) {
      // A flood of distinct keys costs the oldest key its count rather than costing memory.
      this.dropOldest();
    }
    const started: Window = { count: 1, resetAt: now + this.windowMs };
    this.windows.set(key, started);
    return started;
  }

  get size(): number {
    return this.windows.size;
  }

  private evictExpired(now: number): void {
    for (const [key, window] of this.windows) {
      if (window.resetAt > now) {
        return;
      }
      this.windows.delete(key);
    }
  }

  private dropOldest(): void {
    const oldest = this.windows.keys().next();
    if (oldest.done !== true) {
      this.windows.delete(oldest.value);
    }
  }
}

function validate(options: RateLimitOptions): void {
  if (!Number.isInteger(options.limit) || options.limit < 0) {
    throw new Error(`rateLimit ${options.name}: limit must be a whole number >= 0`);
  }
  if (!(options.windowMs > 0)) {
    throw new Error(`rateLimit ${options.name}: windowMs must be > 0`);
  }
  if (options.maxKeys !== undefined && !(options.maxKeys >= 1)) {
    throw new Error(`rateLimit ${options.name}: maxKeys must be >= 1`);
  }
}

function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

function setRateLimitHeaders(res: Response, limit: number, window: Window, now: number): number {
  const resetSeconds = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
  res.setHeader('RateLimit-Limit', String(limit));
  res.setHeader('RateLimit-Remaining', String(Math.max(0, limit - window.count)));
  res.setHeader('RateLimit-Reset', String(resetSeconds));
  return resetSeconds;
}

/** A limiter whose store can be inspected by tests. */
export interface RateLimiter extends RequestHandler {
  /** Keys currently tracked (0 when disabled). */
  readonly trackedKeys: () => number;
}

/**
 * Fixed-window rate limiting in memory, per key: each key may make `limit` requests in a window
 * of `windowMs` that starts with its first request. Over the limit the request fails with a 429
 * problem (Retry-After: seconds until the window ends); every response of the route carries
 * RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset. The count is per process: with N
 * replicas a client gets up to N × limit, and a burst across a window edge up to 2 × limit.
 */
export function rateLimit(options: RateLimitOptions): RateLimiter {
  validate(options);
  if (options.disabled === true || options.limit === 0) {
    return Object.assign<RequestHandler, Pick<RateLimiter, 'trackedKeys'>>(
      (_req, _res, next) => next(),
      { trackedKeys: () => 0 },
    );
  }
  const { name, limit } = options;
  const store = new WindowStore(options.windowMs, options.maxKeys ?? DEFAULT_MAX_KEYS);
  const keyOf = options.keyOf ?? clientIp;
  const now = options.now ?? Date.now;

  const handler: RequestHandler = (req, res, next) => {
    const at = now();
    const window = store.hit(keyOf(req), at);
    const resetSeconds = setRateLimitHeaders(res, limit, window, at);
    if (window.count > limit) {
      next(tooManyRequests(`Too many ${name} requests; retry in ${resetSeconds} s`, resetSeconds));
      return;
    }
    next();
  };
  return Object.assign(handler, { trackedKeys: () => store.size });
}
