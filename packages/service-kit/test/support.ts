import express, { type Router } from 'express';
import { z } from 'zod';
import {
  AppError,
  conflict,
  createApp,
  createLogger,
  methodNotAllowed,
  parseBody,
  parseParams,
  parseQuery,
  queryList,
  startServer,
  type AppOptions,
  type RunningServer,
} from '../src';

export type LogLine = Record<string, unknown>;

const itemSchema = z.object({
  name: z.string().min(1),
  owner: z.object({ email: z.email() }),
  tags: z.array(z.object({ label: z.string().min(1) })),
});

/** Routes exercising the kit: validation, errors, 405, slow and nested routes. */
export function exampleRoutes(router: Router): void {
  router.post('/items', (req, res) => {
    res.status(201).json(parseBody(itemSchema, req));
  });
  router.get('/items/:id', (req, res) => {
    const { id } = parseParams(z.object({ id: z.string() }), req);
    if (id === 'taken') {
      throw conflict('Item taken already exists');
    }
    res.json({ id });
  });
  router.get('/search', (req, res) => {
    const query = z.object({
      tag: queryList(z.string()),
      page: z.coerce.number().int().min(1).default(1),
    });
    res.json(parseQuery(query, req));
  });
  router
    .route('/things')
    .get((_req, res) => void res.json([]))
    .post((_req, res) => void res.status(201).json({}))
    .all(methodNotAllowed(['GET', 'POST']));
  router.get('/boom', async () => {
    await Promise.resolve();
    throw new Error('password=hunter2 at db.internal:27017');
  });
  // What the MongoDB driver throws when FerretDB on SQLite has writers queued up under load.
  router.get('/busy', async () => {
    await Promise.resolve();
    throw Object.assign(new Error('SQLITE_BUSY: database is locked (db.internal:27017)'), {
      name: 'MongoServerError',
      code: 1,
    });
  });
  router.get('/database-away', async () => {
    await Promise.resolve();
    throw Object.assign(new Error('connect ECONNREFUSED db.internal:27017'), {
      name: 'MongoServerSelectionError',
    });
  });
  router.get('/invariant', () => {
    throw new AppError({ status: 500, title: 'Internal Server Error', catastrophic: true });
  });
  router.get('/slow', async (req, res) => {
    await new Promise((resolve) => setTimeout(resolve, Number(req.query.ms ?? 300)));
    res.json({ slow: true });
  });
  const nested = express.Router();
  nested.get('/:id', async () => {
    throw new Error('nested failure');
  });
  router.use('/nested', nested);
}

export interface TestApp {
  server: RunningServer;
  url: string;
  logs: LogLine[];
}

/** The real app on a random port, logging into an array instead of stdout. */
export async function startTestApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const logs: LogLine[] = [];
  const destination = { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) };
  const logger = createLogger({ service: 'kit-test', level: 'info', destination });
  const app = createApp({ service: 'kit-test', logger, routes: exampleRoutes, ...options });
  const server = await startServer(app, {
    port: 0,
    host: '127.0.0.1',
    logger,
    shutdownTimeoutMs: 5_000,
  });
  return { server, url: server.url, logs };
}

export async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
