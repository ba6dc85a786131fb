import { randomUUID } from 'node:crypto';
import type { RunningService } from '../src/service';
import {
  documentedEntity,
  organisationNumber,
  startFakeRegister,
  type FakeRegister,
} from './fake-register';
import {
  bearer,
  call,
  collectTopic,
  dropDatabase,
  newWorld,
  staffToken,
  startFollowUp,
  type TestWorld,
} from './support';

let world: TestWorld;
let register: FakeRegister;
let service: RunningService;
let outcomes: Awaited<ReturnType<typeof collectTopic>>;
let staff: Record<string, string>;

beforeAll(async () => {
  world = await newWorld();
  register = await startFakeRegister();
  service = await startFollowUp(world, {
    BRREG_BASE_URL: register.baseUrl,
    BRREG_TIMEOUT_MS: '300',
  });
  outcomes = await collectTopic(world, world.outcomes);
  staff = bearer(await staffToken(['counsellor']));
});

afterAll(async () => {
  await outcomes?.stop();
  await service?.stop();
  await register?.close();
  await dropDatabase(world);
});

const verify = (founderId: string, orgnr: string) =>
  call(service.url, 'POST', '/verifications', {
    body: { founderId, organisationNumber: orgnr },
    headers: staff,
  });

const cases = [
  ['registered', 92000001, [{ status: 200, body: {} }]],
  ['bankrupt', 92000101, [{ status: 200, body: { konkurs: true } }]],
  ['under-liquidation', 92000201, [{ status: 200, body: { underAvvikling: true } }]],
  ['deleted', 92000301, [{ status: 200, body: { slettedato: '2027-01-02' } }]],
  ['deleted', 92000401, [{ status: 410, body: { slettedato: '2027-01-02' } }]],
  ['not-found', 92000501, [{ status: 404, body: { status: 404 } }]],
  ['registered', 92000601, [{ status: 500 }, { status: 200, body: {} }]],
] as const;

describe.each(cases)('a company the register reports as %s (%#)', (status, prefix, answers) => {
  it('is recorded and emits CompanyRegistrationVerified without the number', async () => {
    const orgnr = organisationNumber(prefix);
    register.script(
      orgnr,
      answers.map((a) =>
        a.status === 200 ? { status: 200, body: documentedEntity(orgnr, a.body) } : a,
      ),
    );
    const founderId = randomUUID();
    const result = await verify(founderId, orgnr);
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ founderId, status, organisationNumber: orgnr });

    const message = await outcomes.waitFor(
      (r) => r.event.type === 'followup.CompanyRegistrationVerified.v1' && r.key === founderId,
      `CompanyRegistrationVerified of ${status}`,
    );
    expect(message.event.data).toMatchObject({ founderId, status });
    expect(message.raw).not.toContain(orgnr);
    expect(message.raw).not.toMatch(/NORDMANN/i);
    if (status !== 'not-found' && answers[0].status !== 410) {
      expect(message.event.data).toMatchObject({ organisationFormCode: 'ENK', naceCode: '95.290' });
    }

    const latest = await call(service.url, 'GET', `/verifications/${founderId}`, {
      headers: staff,
    });
    expect(latest.body).toMatchObject({ status, verificationId: result.body.verificationId });
  });
});

describe('when the register fails', () => {
  it('answers 502 for malformed JSON and 503 for a timeout, as problem+json', async () => {
    const broken = organisationNumber(92000701);
    register.script(broken, [{ status: 200, body: '<html>' }]);
    const bad = await verify(randomUUID(), broken);
    expect(bad.status).toBe(502);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    const slow = organisationNumber(92000801);
    register.script(slow, [{ status: 200, body: documentedEntity(slow), delayMs: 3_000 }]);
    const late = await verify(randomUUID(), slow);
    expect(late.status).toBe(503);
    expect(late.headers.get('retry-after')).toBe('30');
  });

  it("refuses a followUpId that is not the founder's", async () => {
    const orgnr = organisationNumber(92001001);
    const result = await call(service.url, 'POST', '/verifications', {
      body: { founderId: randomUUID(), organisationNumber: orgnr, followUpId: randomUUID() },
      headers: staff,
    });
    expect(result.status).toBe(422);
    expect(register.requests.get(orgnr)).toBeUndefined();
  });

  it('names the follow-up it was made for in the event', async () => {
    const founderId = randomUUID();
    const opened = await call<{ followUpId: string }>(service.url, 'POST', '/follow-ups', {
      body: { founderId, monthsAfterRegistration: 3, registeredOn: '2026-01-15' },
      headers: staff,
    });
    const orgnr = organisationNumber(92001101);
    register.script(orgnr, [{ status: 200, body: documentedEntity(orgnr) }]);
    const result = await call(service.url, 'POST', '/verifications', {
      body: { founderId, organisationNumber: orgnr, followUpId: opened.body.followUpId },
      headers: staff,
    });
    expect(result.status).toBe(201);
    const message = await outcomes.waitFor(
      (r) => r.key === founderId && r.event.type === 'followup.CompanyRegistrationVerified.v1',
      'the verification of the follow-up',
    );
    expect(message.event.data.followUpId).toBe(opened.body.followUpId);
  });

  it('refuses a number with a wrong check digit before asking the register', async () => {
    const orgnr = organisationNumber(92000901);
    const wrong = `${orgnr.slice(0, 8)}${(Number(orgnr[8]) + 1) % 10}`;
    const result = await verify(randomUUID(), wrong);
    expect(result.status).toBe(400);
    expect(register.requests.get(wrong)).toBeUndefined();
  });
});
