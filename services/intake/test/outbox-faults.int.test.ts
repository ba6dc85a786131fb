import { staysTrue, waitFor } from '@grunderboost/testkit';
import {
  collectTopic,
  dropDatabase,
  newWorld,
  postApplication,
  startIntake,
  applicationBody,
  type TestWorld,
} from './support';

let world: TestWorld;

beforeAll(async () => {
  world = await newWorld();
});

afterAll(async () => {
  await dropDatabase(world);
});

describe('intake with its outbox relay switched off (test-only fault)', () => {
  it('stores the application without publishing, and a normal restart publishes it exactly once', async () => {
    const reader = await collectTopic(world);
    try {
      const silent = await startIntake(world, { OUTBOX_RELAY_ENABLED: 'false' });
      let applicationId: string;
      try {
        const response = await postApplication(silent.url, applicationBody());
        expect(response.status).toBe(201);
        let linkToken: string;
        ({ applicationId, linkToken } = (await response.json()) as {
          applicationId: string;
          linkToken: string;
        });
        const stored = await fetch(
          `${silent.url}/applications/${applicationId}?token=${linkToken}`,
        );
        expect(stored.status).toBe(200);
        await staysTrue(() => reader.received.length === 0, {
          description: 'nothing published while the relay is off',
          timeoutMs: 2_000,
        });
      } finally {
        await silent.stop();
      }

      // As after a crash between write and publish: the new process finds the pending event.
      const restarted = await startIntake(world);
      try {
        await waitFor(() => reader.received.length >= 1, { description: 'the stored event' });
        await staysTrue(() => reader.received.length === 1, {
          description: 'exactly one event',
          timeoutMs: 1_500,
        });
        expect(reader.received[0]?.value).toContain(applicationId);
      } finally {
        await restarted.stop();
      }
    } finally {
      await reader.stop();
    }
  });
});
