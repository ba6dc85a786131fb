import { brregClient, RegisterUnavailableError } from '../src/register/brreg-client';
import {
  documentedEntity,
  organisationNumber,
  startFakeRegister,
  type FakeRegister,
} from './fake-register';

/** The client against a local server answering in the register's documented shape. */
let register: FakeRegister;
let client: ReturnType<typeof brregClient>;

beforeAll(async () => {
  register = await startFakeRegister();
  client = brregClient({ baseUrl: register.baseUrl, timeoutMs: 300, maxAttempts: 3, backoffMs: 5 });
});

afterAll(() => register.close());

it('reads a registered entity', async () => {
  const orgnr = organisationNumber(91000001);
  register.script(orgnr, [{ status: 200, body: documentedEntity(orgnr) }]);
  await expect(client.lookUp(orgnr)).resolves.toEqual({
    kind: 'found',
    entity: {
      organisationNumber: orgnr,
      organisationFormCode: 'ENK',
      registeredOn: '2026-01-15',
      naceCode: '95.290',
      bankrupt: false,
      underLiquidation: false,
      underForcedLiquidation: false,
    },
  });
});

it('answers not-found on 404 and gone on 410, without retrying', async () => {
  const unknown = organisationNumber(91000101);
  await expect(client.lookUp(unknown)).resolves.toEqual({ kind: 'not-found' });
  expect(register.requests.get(unknown)).toBe(1);
  const deleted = organisationNumber(91000201);
  register.script(deleted, [
    { status: 410, body: { organisasjonsnummer: deleted, slettedato: '2027-01-02' } },
  ]);
  await expect(client.lookUp(deleted)).resolves.toEqual({ kind: 'gone', deletedOn: '2027-01-02' });
  expect(register.requests.get(deleted)).toBe(1);
});

it('retries a 500 and takes the answer that follows', async () => {
  const orgnr = organisationNumber(91000301);
  register.script(orgnr, [
    { status: 500 },
    { status: 503 },
    { status: 200, body: documentedEntity(orgnr) },
  ]);
  await expect(client.lookUp(orgnr)).resolves.toMatchObject({ kind: 'found' });
  expect(register.requests.get(orgnr)).toBe(3);
});

it('gives up after its attempts when the register keeps failing', async () => {
  const orgnr = organisationNumber(91000401);
  register.script(orgnr, [{ status: 502 }]);
  const failure = client.lookUp(orgnr);
  await expect(failure).rejects.toBeInstanceOf(RegisterUnavailableError);
  await expect(failure).rejects.toMatchObject({ retriable: true });
  expect(register.requests.get(orgnr)).toBe(3);
});

it('reports malformed JSON and a wrong shape as errors, not crashes, and does not retry them', async () => {
  const broken = organisationNumber(91000501);
  register.script(broken, [{ status: 200, body: '{"organisasjonsnummer": "9' }]);
  await expect(client.lookUp(broken)).rejects.toMatchObject({ retriable: false });
  expect(register.requests.get(broken)).toBe(1);
  const odd = organisationNumber(91000601);
  register.script(odd, [{ status: 200, body: documentedEntity(odd, { konkurs: 'N' }) }]);
  await expect(client.lookUp(odd)).rejects.toBeInstanceOf(RegisterUnavailableError);
});

it('times out a slow answer and retries it', async () => {
  const orgnr = organisationNumber(91000701);
  register.script(orgnr, [{ status: 200, body: documentedEntity(orgnr), delayMs: 5_000 }]);
  await expect(client.lookUp(orgnr)).rejects.toThrow(/timed out/);
  expect(register.requests.get(orgnr)).toBe(3);
});
