import { createEvent, keyOf } from '@grunderboost/contracts';
import { waitFor } from '@grunderboost/testkit';
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
  dropDatabase,
  newWorld,
  staffToken,
  startFollowUp,
  surveyAnswers,
  type Opened,
  type TestWorld,
} from './support';

let world: TestWorld;
let register: FakeRegister;
let service: RunningService;
let staff: Record<string, string>;

beforeAll(async () => {
  world = await newWorld();
  register = await startFakeRegister();
  service = await startFollowUp(world, { BRREG_BASE_URL: register.baseUrl });
  staff = bearer(await staffToken(['lead']));
});

afterAll(async () => {
  await service?.stop();
  await register?.close();
  await dropDatabase(world);
});

async function publishErasure(founderId: string) {
  const event = createEvent('intake.FounderErasureRequested.v1', {
    source: '/services/intake',
    data: {
      erasureId: randomUUID(),
      founderId,
      applicationIds: [randomUUID()],
      requestedAt: new Date().toISOString(),
    },
  });
  const producer = world.kafka.producer();
  await producer.connect();
  await producer.send({
    topic: world.applications,
    messages: [{ key: keyOf(event), value: JSON.stringify(event) }],
  });
  await producer.disconnect();
}

async function answeredFollowUp(founderId: string): Promise<Opened> {
  const { body } = await call<Opened>(service.url, 'POST', '/follow-ups', {
    body: { founderId, monthsAfterRegistration: 3, registeredOn: '2026-01-15' },
    headers: staff,
  });
  const answered = await call(service.url, 'POST', `/follow-ups/${body.followUpId}/answers`, {
    body: surveyAnswers,
    headers: { 'founder-token': body.linkToken },
  });
  expect(answered.status).toBe(201);
  return body;
}

it("erases the founder's answers and organisation numbers on FounderErasureRequested", async () => {
  const founderId = randomUUID();
  const bystander = randomUUID();
  const opened = await answeredFollowUp(founderId);
  const kept = await answeredFollowUp(bystander);
  const orgnr = organisationNumber(93000001);
  register.script(orgnr, [{ status: 200, body: documentedEntity(orgnr) }]);
  const verified = await call(service.url, 'POST', '/verifications', {
    body: { founderId, organisationNumber: orgnr },
    headers: staff,
  });
  expect(verified.body.organisationNumber).toBe(orgnr);

  await publishErasure(founderId);

  const erased = await waitFor(
    async () => {
      const { body } = await call(service.url, 'GET', `/follow-ups/${opened.followUpId}`, {
        headers: staff,
      });
      return body.status === 'erased' ? body : undefined;
    },
    { description: 'the follow-up erased' },
  );
  expect(erased).not.toHaveProperty('answers');
  // The consumer erases the follow-ups first and the verification after them.
  const verification = await waitFor(
    async () => {
      const answer = await call(service.url, 'GET', `/verifications/${founderId}`, {
        headers: staff,
      });
      return 'organisationNumber' in answer.body ? undefined : answer;
    },
    { description: "the verification's organisation number erased" },
  );
  expect(verification.body).not.toHaveProperty('organisationNumber');
  expect(verification.body.status).toBe('registered');

  // The founder can no longer answer, and nobody else was touched.
  const late = await call(service.url, 'POST', `/follow-ups/${opened.followUpId}/answers`, {
    body: surveyAnswers,
    headers: { 'founder-token': opened.linkToken },
  });
  expect(late.status).toBe(409);
  const other = await call(service.url, 'GET', `/follow-ups/${kept.followUpId}`, {
    headers: staff,
  });
  expect(other.body).toMatchObject({ status: 'answered', answers: surveyAnswers });
});
