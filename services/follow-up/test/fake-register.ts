import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mod11CheckDigit } from '../src/domain/organisation-number';

/** A valid organisation number starting with these eight digits (skips those with no digit). */
export function organisationNumber(firstEight: number): string {
  for (let n = firstEight; ; n += 1) {
    const digits = String(n).padStart(8, '0');
    const check = mod11CheckDigit(digits);
    if (check !== undefined) return `${digits}${check}`;
  }
}

/** One scripted answer: a status and a body (an object as JSON, a string as it is). */
export interface Scripted {
  status: number;
  body?: unknown;
  /** Answer only after this many milliseconds (to exceed the client's timeout). */
  delayMs?: number;
}

/** The register's documented shape of GET /enheter/{orgnr}, with fictitious values. */
export function documentedEntity(orgnr: string, overrides: Record<string, unknown> = {}) {
  return {
    organisasjonsnummer: orgnr,
    navn: 'SYKKELVERKSTEDET KARI NORDMANN',
    organisasjonsform: { kode: 'ENK', beskrivelse: 'Enkeltpersonforetak', _links: {} },
    registreringsdatoEnhetsregisteret: '2026-01-15',
    registrertIMvaregisteret: false,
    naeringskode1: { kode: '95.290', beskrivelse: 'Reparasjon av andre husholdningsvarer' },
    antallAnsatte: 0,
    forretningsadresse: { land: 'Norge', kommunenummer: '3301', kommune: 'DRAMMEN' },
    institusjonellSektorkode: { kode: '8200', beskrivelse: 'Personlig næringsdrivende' },
    registrertIForetaksregisteret: false,
    registrertIStiftelsesregisteret: false,
    registrertIFrivillighetsregisteret: false,
    konkurs: false,
    underAvvikling: false,
    underTvangsavviklingEllerTvangsopplosning: false,
    maalform: 'Bokmål',
    _links: { self: { href: `https://data.brreg.no/enhetsregisteret/api/enheter/${orgnr}` } },
    ...overrides,
  };
}

export interface FakeRegister {
  baseUrl: string;
  /** Answers for one number, in order; the last one repeats. Unknown numbers get 404. */
  script(orgnr: string, answers: Scripted[]): void;
  /** How many requests each number received. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

/** A local stand-in for data.brreg.no/enhetsregisteret/api on 127.0.0.1 and a free port. */
export async function startFakeRegister(): Promise<FakeRegister> {
  const scripts = new Map<string, Scripted[]>();
  const requests = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/enhetsregisteret\/api\/enheter\/(\d{9})$/.exec(req.url ?? '');
    if (match?.[1] === undefined) {
      res.writeHead(400).end();
      return;
    }
    const orgnr = match[1];
    const count = (requests.get(orgnr) ?? 0) + 1;
    requests.set(orgnr, count);
    const list = scripts.get(orgnr) ?? [];
    const scripted = list[Math.min(count, list.length) - 1] ?? {
      status: 404,
      body: { status: 404, error: 'Not Found', message: 'Ingen enhet med organisasjonsnummer' },
    };
    const send = () => {
      const body =
        typeof scripted.body === 'string' ? scripted.body : JSON.stringify(scripted.body ?? {});
      res.writeHead(scripted.status, { 'content-type': 'application/json' }).end(body);
    };
    if (scripted.delayMs === undefined) send();
    else {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) send();
      }, scripted.delayMs);
      timers.add(timer);
    }
  };

  const server: Server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/enhetsregisteret/api`,
    script: (orgnr, answers) => scripts.set(orgnr, answers),
    requests,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
