import { randomUUID } from 'node:crypto';
import type { RunningService } from '../src/service';
import { startReceiver, type Receiver } from './receiver';
import {
  apiKeyOf,
  call,
  endWorld,
  newWorld,
  now,
  outcome,
  processed,
  publish,
  startPartners,
  submitted,
  type TestWorld,
  waitFor,
} from './support';

/*
 * Signed webhooks to a real HTTP receiver that checks every signature with the standardwebhooks
 * package: retried while it is down, everything delivered once when it returns, and nothing
 * more for a founder who withdraws consent, not even the retries already queued.
 */

interface LogEntry {
  webhookId: string;
  status: string;
  attempts: number;
  log: Array<{ outcome: string }>;
}

let world: TestWorld;
let service: RunningService;
let receiver: Receiver;
let key: string;

beforeAll(async () => {
  world = await newWorld();
  service = await startPartners(world);
  receiver = await startReceiver();
  key = await apiKeyOf(service.url, 'nav');
  const subscription = await call<{ subscriptionId: string }>(
    service.url,
    'POST',
    '/subscriptions',
    {
      auth: key,
      body: { eventTypes: ['followup.OutcomeReported.v1'], filters: { referralSource: ['nav'] } },
    },
  );
  expect(subscription.status).toBe(201);
  const webhook = await call<{ secret: string }>(
    service.url,
    'POST',
    `/subscriptions/${subscription.body.subscriptionId}/webhook`,
    { auth: key, body: { url: receiver.url } },
  );
  expect(webhook.status).toBe(201);
  expect(webhook.body.secret).toMatch(/^whsec_/);
  receiver.setSecret(webhook.body.secret);
});

afterAll(async () => {
  await receiver.close();
  await endWorld(world, service);
});

afterEach(() => {
  expect(receiver.badSignatures).toEqual([]);
});

async function deliveryLog(): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  let after: string | undefined;
  for (;;) {
    const query = after === undefined ? '?limit=5' : `?limit=5&after=${encodeURIComponent(after)}`;
    const page = await call<{ deliveries: LogEntry[]; next?: string }>(
      service.url,
      'GET',
      `/deliveries${query}`,
      { auth: key },
    );
    entries.push(...page.body.deliveries);
    if (page.body.next === undefined) return entries;
    after = page.body.next;
  }
}

async function consenting(founders: string[], referralSource = 'nav') {
  const ids: string[] = [];
  for (const founderId of founders) {
    ids.push(
      await publish(
        world,
        'intake.ApplicationSubmitted.v1',
        submitted(founderId, ['nav'], referralSource),
      ),
    );
  }
  await waitFor(() => processed(world, ids), { description: 'consents applied' });
}

const logOf = async (webhookId: string) =>
  (await deliveryLog()).find((d) => d.webhookId === webhookId);

it('delivers everything once after the receiver was down, and only what the filter asks for', async () => {
  const founders = [randomUUID(), randomUUID(), randomUUID()];
  const student = randomUUID();
  await consenting(founders);
  await consenting([student], 'usn');
  receiver.down();
  const events: string[] = [];
  for (const founderId of founders) {
    events.push(await publish(world, 'followup.OutcomeReported.v1', outcome(founderId, 1)));
    events.push(await publish(world, 'followup.OutcomeReported.v1', outcome(founderId, 2)));
  }
  events.push(await publish(world, 'followup.OutcomeReported.v1', outcome(student)));
  await waitFor(() => processed(world, events), { description: 'events routed' });
  // Every one of the six refused at least twice: the endpoint was really down and retried.
  await waitFor(
    async () => {
      const log = await deliveryLog();
      return log.length === 6 && log.every((d) => d.status === 'pending' && d.attempts >= 2);
    },
    { description: 'every delivery retried while the receiver is down' },
  );
  expect(receiver.accepted).toEqual([]);

  receiver.up();
  await waitFor(async () => (await deliveryLog()).every((d) => d.status === 'delivered'), {
    description: 'every delivery done',
  });
  const ids = receiver.accepted.map((r) => r.webhookId);
  expect(ids).toHaveLength(6);
  expect(new Set(ids).size).toBe(6);
  const sent = receiver.accepted.map((r) => r.body);
  expect(new Set(sent.map((b) => b.pseudonym)).size).toBe(3);
  for (const body of sent) {
    expect(JSON.stringify(body)).not.toMatch(new RegExp([...founders, student].join('|')));
    expect(body.type).toBe('followup.OutcomeReported.v1');
  }
  // The counter goes up just after the delivery is recorded as done: wait for it, too.
  const metrics = await waitFor(
    async () => {
      const answer = await call<string>(service.url, 'GET', '/metrics');
      return /partners_webhook_attempts_total\{outcome="delivered"\} 6\b/.test(answer.body)
        ? answer
        : undefined;
    },
    { description: 'six delivered attempts counted on /metrics' },
  );
  expect(metrics.body).toMatch(/partners_webhook_attempts_total\{outcome="http-503"\} \d+/);
});

it('stops delivering to a founder who withdraws consent, pending retries included', async () => {
  const withdrawing = randomUUID();
  const staying = randomUUID();
  await consenting([withdrawing, staying]);
  const first = await publish(world, 'followup.OutcomeReported.v1', outcome(withdrawing));
  await waitFor(() => processed(world, [first]), { description: 'first routed' });
  await waitFor(async () => (await deliveryLog()).every((d) => d.status === 'delivered'), {
    description: 'first delivered',
  });
  const before = receiver.accepted.length;

  receiver.down();
  const second = await publish(world, 'followup.OutcomeReported.v1', outcome(withdrawing));
  await waitFor(() => processed(world, [second]), { description: 'second routed' });
  await waitFor(
    async () => (await deliveryLog()).some((d) => d.status === 'pending' && d.attempts >= 1),
    { description: 'the second refused once' },
  );
  const withdrawal = await publish(world, 'intake.ConsentChanged.v1', {
    applicationId: randomUUID(),
    founderId: withdrawing,
    consent: 'sharing',
    partnerCategory: 'nav',
    granted: false,
    textVersion: '2026-01',
    changedAt: now(),
  });
  await waitFor(() => processed(world, [withdrawal]), { description: 'withdrawal applied' });
  // The queued retry meets the withdrawal at its next attempt.
  await waitFor(async () => (await deliveryLog()).every((d) => d.status !== 'pending'), {
    description: 'the pending retry withheld',
  });
  receiver.up();
  const third = await publish(world, 'followup.OutcomeReported.v1', outcome(withdrawing));
  const other = await publish(world, 'followup.OutcomeReported.v1', outcome(staying));
  await waitFor(() => processed(world, [third, other]), { description: 'later events routed' });
  await waitFor(async () => (await deliveryLog()).every((d) => d.status !== 'pending'), {
    description: 'every delivery settled',
  });

  const log = await deliveryLog();
  const withheld = log.filter((d) => d.status === 'withheld');
  expect(withheld).toHaveLength(2);
  for (const entry of withheld) expect(entry.log.at(-1)?.outcome).toBe('no-consent');
  // After the first, only the staying founder's event arrived.
  const arrived = receiver.accepted.slice(before);
  expect(arrived).toHaveLength(1);
  expect((await logOf(arrived[0]?.webhookId ?? ''))?.status).toBe('delivered');
  expect(arrived[0]?.body.pseudonym).not.toBe(receiver.accepted[before - 1]?.body.pseudonym);
});
