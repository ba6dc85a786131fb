import type { Request, Response } from 'express';
import { rateLimit, type RateLimitOptions } from '../src';
import { startTestApp, type TestApp } from './support';

/** An app with GET /limited behind the limiter; X-Client picks the key when keyOf is not given. */
async function startLimited(options: Partial<RateLimitOptions>): Promise<TestApp> {
  const limiter = rateLimit({
    name: 'lookup',
    limit: 3,
    windowMs: 60_000,
    keyOf: (req) => req.get('x-client') ?? 'anonymous',
    ...options,
  });
  return startTestApp({
    routes: (router) => {
      router.get('/limited', limiter, (_req, res) => void res.json({ ok: true }));
    },
  });
}

const get = (app: TestApp, client = 'a') =>
  fetch(`${app.url}/limited`, { headers: { 'x-client': client } });

/** Calls the middleware without HTTP; resolves with whether the request was let through. */
function hit(limiter: ReturnType<typeof rateLimit>, ip: string): boolean {
  let passed = false;
  const res = { setHeader: () => undefined } as unknown as Response;
  void limiter({ ip } as Request, res, (error?: unknown) => {
    passed = error === undefined;
  });
  return passed;
}

describe('rateLimit over HTTP', () => {
  let clock: number;
  let app: TestApp;

  beforeEach(async () => {
    clock = 1_000_000;
    app = await startLimited({ now: () => clock });
  });

  afterEach(async () => {
    await app.server.close();
  });

  it('allows `limit` requests, counting down RateLimit-Remaining', async () => {
    const remaining: Array<string | null> = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await get(app);
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      expect(response.headers.get('ratelimit-reset')).toBe('60');
      remaining.push(response.headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
  });

  it('then answers 429 problem+json with Retry-After until the window ends', async () => {
    for (let i = 0; i < 3; i += 1) {
      await get(app);
    }
    clock += 25_000;
    const response = await get(app);
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('retry-after')).toBe('35');
    expect(response.headers.get('ratelimit-remaining')).toBe('0');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 429, title: 'Too Many Requests', instance: '/limited' });
    expect(body.detail).toContain('lookup');
  });

  it('keeps separate counts for separate keys', async () => {
    for (let i = 0; i < 3; i += 1) {
      await get(app, 'a');
    }
    expect((await get(app, 'a')).status).toBe(429);
    const other = await get(app, 'b');
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-remaining')).toBe('2');
  });

  it('starts a fresh window once the old one has ended', async () => {
    for (let i = 0; i < 4; i += 1) {
      await get(app);
    }
    clock += 59_999;
    expect((await get(app)).status).toBe(429);
    clock += 1;
    const response = await get(app);
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-remaining')).toBe('2');
  });
});

describe('rateLimit defaults and switches', () => {
  it('keys on the client IP by default', async () => {
    const app = await startLimited({ keyOf: undefined, limit: 1 });
    try {
      expect((await get(app, 'a')).status).toBe(200);
      // A different X-Client does not help: both requests come from 127.0.0.1.
      expect((await get(app, 'b')).status).toBe(429);
    } finally {
      await app.server.close();
    }
  });

  it.each([[{ limit: 0 }], [{ disabled: true }]])('is off with %j', async (options) => {
    const app = await startLimited({ ...options });
    try {
      for (let i = 0; i < 5; i += 1) {
        const response = await get(app);
        expect(response.status).toBe(200);
        expect(response.headers.get('ratelimit-limit')).toBeNull();
      }
    } finally {
      await app.server.close();
    }
  });

  it('rejects nonsensical options at start-up', () => {
    expect(() => rateLimit({ name: 'x', limit: -1, windowMs: 1000 })).toThrow(/limit/);
    expect(() => rateLimit({ name: 'x', limit: 1.5, windowMs: 1000 })).toThrow(/limit/);
    expect(() => rateLimit({ name: 'x', limit: 1, windowMs: 0 })).toThrow(/windowMs/);
  });
});

describe('rateLimit memory', () => {
  it('never tracks more than maxKeys, however many clients appear', () => {
    const limiter = rateLimit({ name: 'x', limit: 1, windowMs: 60_000, maxKeys: 50, now: () => 0 });
    for (let i = 0; i < 5_000; i += 1) {
      expect(hit(limiter, `10.0.${Math.floor(i / 256)}.${i % 256}`)).toBe(true);
    }
    expect(limiter.trackedKeys()).toBe(50);
  });

  it('drops windows that have ended', () => {
    let clock = 0;
    const limiter = rateLimit({ name: 'x', limit: 1, windowMs: 1_000, now: () => clock });
    for (let i = 0; i < 100; i += 1) {
      hit(limiter, `ip-${i}`);
    }
    expect(limiter.trackedKeys()).toBe(100);
    clock = 1_000;
    hit(limiter, 'late');
    expect(limiter.trackedKeys()).toBe(1);
  });

  it('never reuses an ended window, even after the wall clock stepped back', () => {
    let clock = 10_000;
    const limiter = rateLimit({ name: 'x', limit: 1, windowMs: 60_000, now: () => clock });
    expect(hit(limiter, 'early')).toBe(true);
    clock = 0;
    expect(hit(limiter, 'late')).toBe(true);
    // 'late' ended at 60 000 but sits behind 'early' (ends 70 000), so eviction has not reached it.
    clock = 65_000;
    expect(hit(limiter, 'late')).toBe(true);
    expect(hit(limiter, 'late')).toBe(false);
  });

  it('makes room by dropping the oldest window, not by refusing new clients', () => {
    let clock = 0;
    const limiter = rateLimit({
      name: 'x',
      limit: 1,
      windowMs: 60_000,
      maxKeys: 2,
      now: () => clock,
    });
    expect(hit(limiter, 'first')).toBe(true);
    expect(hit(limiter, 'first')).toBe(false);
    clock = 1;
    expect(hit(limiter, 'second')).toBe(true);
    expect(hit(limiter, 'third')).toBe(true);
    // 'first' was the oldest and was dropped; 'second' still counts.
    expect(hit(limiter, 'second')).toBe(false);
    expect(limiter.trackedKeys()).toBe(2);
  });
});
