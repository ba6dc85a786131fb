import { createLogger } from '../src';
import { startTestApp, type LogLine } from './support';

function capture(): { lines: LogLine[]; write: (line: string) => void } {
  const lines: LogLine[] = [];
  return { lines, write: (line) => void lines.push(JSON.parse(line) as LogLine) };
}

describe('createLogger', () => {
  it('writes JSON lines with the service and a level name', () => {
    const destination = capture();
    createLogger({ service: 'intake', level: 'info', destination }).info({ count: 2 }, 'hello');
    expect(destination.lines[0]).toMatchObject({
      service: 'intake',
      level: 'info',
      msg: 'hello',
      count: 2,
    });
  });

  it('redacts personal data and credentials', () => {
    const destination = capture();
    const logger = createLogger({ service: 'intake', level: 'info', destination });
    logger.info({
      founder: { name: 'Kari Nordmann', email: 'kari@example.no', phone: '+4799999999', id: 'f-1' },
      req: { headers: { authorization: 'Bearer abc', accept: 'application/json' } },
    });
    const text = JSON.stringify(destination.lines[0]);
    for (const secret of ['Kari', 'kari@example.no', '+4799999999', 'Bearer abc']) {
      expect(text).not.toContain(secret);
    }
    expect(destination.lines[0]).toMatchObject({
      founder: { id: 'f-1', name: '[redacted]' },
      req: { headers: { accept: 'application/json' } },
    });
  });

  it('keeps the authorization header out of access logs and keeps probes quiet', async () => {
    const app = await startTestApp();
    await fetch(`${app.url}/items/1`, { headers: { authorization: 'Bearer top-secret' } });
    await fetch(`${app.url}/healthz`);
    await fetch(`${app.url}/metrics`);
    await app.server.close();
    const access = app.logs.filter((line) => line.msg === 'request completed');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ req: { url: '/items/1' }, res: { statusCode: 200 } });
    expect(JSON.stringify(app.logs)).not.toContain('top-secret');
  });
});
