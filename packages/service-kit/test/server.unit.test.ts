import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Router } from 'express';
import { createApp, createLogger, startServer, type RunningServer } from '../src';
import { exampleRoutes } from './support';

const logger = createLogger({ service: 'server-test', level: 'silent' });

async function start(
  onShutdown: Array<() => Promise<void>>,
  shutdownTimeoutMs = 5_000,
  routes: (router: Router) => void = exampleRoutes,
) {
  const app = createApp({ service: 'server-test', logger, routes });
  return startServer(app, { port: 0, host: '127.0.0.1', logger, shutdownTimeoutMs, onShutdown });
}

describe('requests Node refuses before express', () => {
  it('answers a query string over the header limit with a 431 problem, not a bare status line', async () => {
    const server = await start([]);
    const response = await fetch(`${server.url}/healthz?q=${'x'.repeat(20_000)}`);
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'about:blank',
      title: 'Request Header Fields Too Large',
      status: 431,
      instance: '/',
    });
    expect(typeof body.requestId).toBe('string');
    await server.close();
  });
});

describe('startServer and close()', () => {
  it('listens on the actual port it got', async () => {
    const server = await start([]);
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.close();
  });

  it('finishes an in-flight request, then runs the hooks in order and refuses connections', async () => {
    const events: string[] = [];
    const slowRoute = (router: Router): void => {
      router.get('/slow', async (_req, res) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        res.on('finish', () => events.push('slow request answered'));
        res.json({ slow: true });
      });
    };
    const hooks = [
      async () => void events.push('stop consumers'),
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push('flush producer');
      },
      async () => void events.push('close database'),
    ];
    const server: RunningServer = await start(hooks, 5_000, slowRoute);
    // A keep-alive connection that stays idle must not hold the shutdown.
    await fetch(`${server.url}/healthz`);
    const slow = fetch(`${server.url}/slow`).then(async (response) => response.json());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await server.close();

    expect(await slow).toEqual({ slow: true });
    expect(events).toEqual([
      'slow request answered',
      'stop consumers',
      'flush producer',
      'close database',
    ]);
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('returns the same shutdown to a second close()', async () => {
    let runs = 0;
    const server = await start([async () => void (runs += 1)]);
    await Promise.all([server.close(), server.close()]);
    expect(runs).toBe(1);
  });

  it('rejects when the shutdown takes longer than the timeout', async () => {
    const server = await start([() => new Promise<void>(() => undefined)], 200);
    await expect(server.close()).rejects.toThrow('shutdown took longer than 200 ms');
  });

  it('runs the remaining hooks when one fails, and then rejects', async () => {
    const events: string[] = [];
    const server = await start([
      async () => {
        throw new Error('consumer would not stop');
      },
      async () => void events.push('close database'),
    ]);
    await expect(server.close()).rejects.toThrow('consumer would not stop');
    expect(events).toEqual(['close database']);
  });

  it('removes its signal handlers once every server is closed', async () => {
    const before = process.listenerCount('SIGTERM');
    const server = await start([]);
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    await server.close();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});

interface Exit {
  code: number | null;
  lines: string[];
  slowStatus?: number;
}

/** Runs the fixture service, sends SIGTERM during a slow request, and reports how it ended. */
async function runAndTerminate(env: Record<string, string>): Promise<Exit> {
  const fixture = join(__dirname, 'fixtures', 'signal-service.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      lines.push(...chunk.toString().trim().split('\n'));
      const ready = lines.find((line) => line.startsWith('ready '));
      if (ready !== undefined) resolve(ready.slice('ready '.length));
    });
    child.on('exit', () => reject(new Error(`fixture exited early: ${lines.join(' | ')}`)));
  });
  const slow = fetch(`${url}/slow`).then((response) => response.status);
  await new Promise((resolve) => setTimeout(resolve, 100));
  child.kill('SIGTERM');
  const slowStatus = await slow.catch(() => undefined);
  return { code: await exited, lines, slowStatus };
}

describe('SIGTERM', () => {
  it('drains requests, runs the hooks in order and exits 0', async () => {
    const exit = await runAndTerminate({});
    expect(exit.slowStatus).toBe(200);
    expect(exit.lines.slice(1)).toEqual(['hook consumers', 'hook database']);
    expect(exit.code).toBe(0);
  });

  it('exits 1 when shutting down takes longer than the timeout', async () => {
    const exit = await runAndTerminate({ HANG_ON_SHUTDOWN: '1' });
    expect(exit.lines.slice(1)).toEqual(['hook consumers']);
    expect(exit.code).toBe(1);
  });
});
