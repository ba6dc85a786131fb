import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readInternasjonaleDrammen } from '../src/app/internasjonale-drammen';
import { internasjonaleDrammen, isOperatingOrEmployed } from '../src/domain/internasjonale-drammen';
import { intakeBackgroundCount, IntakeUnavailableError } from '../src/http/intake-client';

describe('who is operating or employed', () => {
  it.each([
    ['nothing reported', {}, undefined, false],
    ['still operating at 12 months', { operating12: 'e1' }, undefined, true],
    ['still operating at 36 months', { operating36: 'e2' }, undefined, true],
    ['only registered a company', { companyRegistered: 'e3' }, undefined, false],
    ['employing people', {}, { value: 1.5, months: 12 }, true],
    ['last reported no FTE', {}, { value: 0, months: 36 }, false],
  ])('%s', (_name, reached, fte, expected) => {
    expect(isOperatingOrEmployed({ reached, ...(fte === undefined ? {} : { fte }) })).toBe(
      expected,
    );
  });
});

describe('the indicator', () => {
  it('compares a shown count with the goal', () => {
    expect(internasjonaleDrammen({ count: 7 }, 5)).toEqual({
      founders: 7,
      suppressed: false,
      goal: 5,
      met: true,
    });
    expect(internasjonaleDrammen({ count: 7 }, 50)).toMatchObject({ met: false });
  });

  it('never compares a suppressed or small count', () => {
    const suppressed = { founders: null, suppressed: true, goal: 2, met: null };
    expect(internasjonaleDrammen({ count: null, suppressed: true }, 2)).toEqual(suppressed);
    expect(internasjonaleDrammen({ count: 4 }, 2)).toEqual(suppressed);
  });

  it('does not ask intake about fewer candidates than the threshold', async () => {
    const count = jest.fn();
    const ids = [randomUUID(), randomUUID()];
    const result = await readInternasjonaleDrammen(
      { operatingFounders: async () => ids, countImmigrantBackground: count },
      50,
    );
    expect(result.suppressed).toBe(true);
    expect(count).not.toHaveBeenCalled();
  });
});

/** A tiny stand-in for intake's port, answering what the test tells it to. */
async function fakeIntake(
  answer: (body: unknown, req: IncomingMessage) => { status: number; body: unknown },
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const { status, body } = answer(JSON.parse(text), req);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe("metrics' intake client", () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

  const client = (url: string) =>
    intakeBackgroundCount({ baseUrl: url, timeoutMs: 2_000, token: async () => 'tok' });

  it('sends the ids with its token and reads the count', async () => {
    const seen: Array<{ body: unknown; auth: string | undefined; path: string | undefined }> = [];
    const { url, server } = await fakeIntake((body, req) => {
      seen.push({ body, auth: req.headers.authorization, path: req.url });
      return { status: 200, body: { count: 6 } };
    });
    servers.push(server);
    const ids = [randomUUID()];
    expect(await client(url)(ids)).toEqual({ count: 6 });
    expect(seen).toEqual([
      { body: { founderIds: ids }, auth: 'Bearer tok', path: '/statistics/background-count' },
    ]);
  });

  it('reads a suppressed answer', async () => {
    const { url, server } = await fakeIntake(() => ({
      status: 200,
      body: { count: null, suppressed: true },
    }));
    servers.push(server);
    expect(await client(url)([randomUUID()])).toEqual({ count: null, suppressed: true });
  });

  it.each([
    ['a refusal', 403, { title: 'Forbidden' }],
    ['an error', 500, {}],
    ['an unexpected body', 200, { founders: ['x'] }],
  ])('turns %s into IntakeUnavailableError', async (_name, status, body) => {
    const { url, server } = await fakeIntake(() => ({ status, body }));
    servers.push(server);
    await expect(client(url)([randomUUID()])).rejects.toBeInstanceOf(IntakeUnavailableError);
  });

  it('turns an unreachable intake into IntakeUnavailableError', async () => {
    const { url, server } = await fakeIntake(() => ({ status: 200, body: {} }));
    await new Promise((resolve) => server.close(resolve));
    await expect(client(url)([randomUUID()])).rejects.toBeInstanceOf(IntakeUnavailableError);
  });
});
