import { randomUUID } from 'node:crypto';
import express from 'express';
import { z } from 'zod';
import { applicationBodySchema } from './application-body';

/**
 * The baseline of the intake benchmark: what the same machine does with a bare express 5 app
 * that parses the same JSON body, validates it and the Idempotency-Key header with zod as
 * intake does, then answers 201 — no logging, metrics, database or Kafka.
 * Started as its own process so it does not share the load generator's event loop.
 * Environment: PORT (required), HOST (default 127.0.0.1).
 */
const port = Number(process.env.PORT);
const host = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port <= 0) {
  process.stderr.write('baseline-server: PORT must be set to a port number\n');
  process.exit(1);
}

const IDEMPOTENCY_KEY = 'idempotency-key';
const headersSchema = z.object({
  [IDEMPOTENCY_KEY]: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/)
    .optional(),
});

const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '100kb' }));

app.get('/readyz', (_req, res) => {
  res.json({ status: 'ready' });
});

app.post('/applications', (req, res) => {
  const headers = headersSchema.safeParse({ [IDEMPOTENCY_KEY]: req.get(IDEMPOTENCY_KEY) });
  const body = applicationBodySchema.safeParse(req.body);
  if (!headers.success || !body.success) {
    const issues = [...(headers.error?.issues ?? []), ...(body.error?.issues ?? [])];
    res.status(400).type('application/problem+json').json({ status: 400, issues });
    return;
  }
  const applicationId = randomUUID();
  res
    .status(201)
    .location(`/applications/${applicationId}`)
    .json({ applicationId, founderId: randomUUID(), status: 'submitted' });
});

const server = app.listen(port, host, (error?: Error) => {
  if (error !== undefined) {
    process.stderr.write(`baseline-server: cannot listen on ${host}:${port}: ${error.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`baseline-server: listening on http://${host}:${port}\n`);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
