import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  webhookId: string;
  body: { id: string; type: string; pseudonym: string; data: Record<string, unknown> };
}

/**
 * A partner's webhook endpoint on 127.0.0.1: verifies every request with the standardwebhooks
 * package (a bad signature counts as a failure of the test), answers 503 while "down".
 */
export async function startReceiver() {
  let secret: string | undefined;
  let up = true;
  const accepted: Received[] = [];
  const refused: string[] = [];
  const badSignatures: string[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
    );
    const webhookId = headers['webhook-id'] ?? '';
    try {
      new Webhook(secret ?? '').verify(raw, headers);
    } catch (error) {
      badSignatures.push(`${webhookId}: ${String(error)}`);
      res.writeHead(400).end();
      return;
    }
    if (!up) {
      refused.push(webhookId);
      res.writeHead(503).end();
      return;
    }
    accepted.push({ webhookId, body: JSON.parse(raw) as Received['body'] });
    res.writeHead(204).end();
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    accepted,
    refused,
    badSignatures,
    setSecret(value: string) {
      secret = value;
    },
    down() {
      up = false;
    },
    up() {
      up = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
