import { randomUUID } from 'node:crypto';
import type { RunningService } from '../src/service';
import {
  collectFeeds,
  endWorld,
  messageCount,
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
 * The pseudonymised feed: each partner's topic holds exactly the events its agreement covers
 * and the founder consented to share with its category, with only the agreement's fields and a
 * per-partner pseudonym; a scan of every message finds no personal data.
 */

const PARTNERS = ['nav', 'usn', 'naeringsforeningen', 'innovasjon-norge', 'drammen-kommune'];

// Patterns of personal data: e-mail, phone numbers, 11-digit national ids, capitalised names.
const PII = [
  /[\w.+-]+@[\w-]+\.[\w.]+/,
  // Bounded by non-word characters, so that digit runs inside a hex pseudonym do not count.
  /(?<!\w)(\+47 ?)?\d{8}(?!\w)/,
  /(?<!\w)\d{2} \d{2} \d{2} \d{2}(?!\w)/,
  /(?<!\w)\d{11}(?!\w)/,
  /Kari|Nordmann|Ola|Ahmed/,
];

let world: TestWorld;
let service: RunningService;

beforeAll(async () => {
  world = await newWorld();
  service = await startPartners(world);
});

afterAll(() => endWorld(world, service));

it('gives each partner only what its agreement and the founder allow, pseudonymised', async () => {
  const shares = randomUUID(); // nav + municipality
  const silent = randomUUID(); // no consents at all
  const student = randomUUID(); // usn only
  const unknown = randomUUID(); // never applied here: no consent known
  const ids = [
    await publish(
      world,
      'intake.ApplicationSubmitted.v1',
      submitted(shares, ['nav', 'municipality']),
    ),
    await publish(world, 'intake.ApplicationSubmitted.v1', submitted(silent, [])),
    await publish(world, 'intake.ApplicationSubmitted.v1', submitted(student, ['usn'], 'usn')),
  ];
  await waitFor(() => processed(world, ids), { description: 'consents applied' });

  for (const founderId of [shares, silent, student, unknown]) {
    ids.push(
      await publish(world, 'followup.OutcomeReported.v1', outcome(founderId)),
      await publish(world, 'counselling.MilestoneReached.v1', {
        milestoneId: randomUUID(),
        founderId,
        milestone: 'company-registered',
        organisationNumber: '974760673',
        reachedAt: now(),
      }),
      await publish(world, 'intake.ApplicationTriaged.v1', {
        applicationId: randomUUID(),
        founderId,
        decision: 'referred',
        reasonCodes: ['outside-region'],
        referredTo: 'nav',
        triagedAt: now(),
        triagedBy: randomUUID(),
      }),
      await publish(world, 'counselling.CounsellorAssigned.v1', {
        assignmentId: randomUUID(),
        founderId,
        applicationId: randomUUID(),
        counsellorId: randomUUID(),
        reasonCode: 'language-match',
        assignedAt: now(),
      }),
    );
  }
  await waitFor(() => processed(world, ids), { description: 'every event routed' });

  // The consumer publishes before it records an event as processed: the topics are complete.
  const counts = Object.fromEntries(
    await Promise.all(
      PARTNERS.map(async (id) => [id, await messageCount(world, `partners.${id}.feed`)] as const),
    ),
  );
  // nav: outcome + triage of `shares`; municipality: all four of `shares`; usn: the
  // milestone of `student`; the others nothing (no consent for their categories).
  expect(counts).toEqual({
    nav: 2,
    usn: 1,
    naeringsforeningen: 0,
    'innovasjon-norge': 0,
    'drammen-kommune': 4,
  });

  const feed = await collectFeeds(world, PARTNERS);
  await waitFor(() => feed.received.length === 7, { description: 'every feed message read' });
  await feed.stop();

  for (const message of feed.received) {
    const text = message.key + message.value;
    for (const founderId of [shares, silent, student, unknown])
      expect(text).not.toContain(founderId);
    for (const pattern of PII) expect(text).not.toMatch(pattern);
    expect(text).not.toContain('974760673');
    expect(text).not.toMatch(
      /applicationId|assignmentId|counsellorId|milestoneId|followUpId|triagedBy/,
    );
    const value = JSON.parse(message.value) as { pseudonym: string; data: Record<string, unknown> };
    expect(message.key).toBe(value.pseudonym);
  }

  const byTopic = (topic: string) =>
    feed.received
      .filter((m) => m.topic === topic)
      .map((m) => JSON.parse(m.value) as { type: string; pseudonym: string; data: object });
  const nav = byTopic('partners.nav.feed');
  const municipality = byTopic('partners.drammen-kommune.feed');
  expect(nav.map((m) => m.type).sort()).toEqual([
    'followup.OutcomeReported.v1',
    'intake.ApplicationTriaged.v1',
  ]);
  // One pseudonym per partner for a founder, a different one at each partner.
  expect(new Set(nav.map((m) => m.pseudonym)).size).toBe(1);
  expect(new Set(municipality.map((m) => m.pseudonym)).size).toBe(1);
  expect(nav[0]?.pseudonym).not.toBe(municipality[0]?.pseudonym);
  const triage = nav.find((m) => m.type === 'intake.ApplicationTriaged.v1')?.data ?? {};
  expect(Object.keys(triage).sort()).toEqual([
    'decision',
    'reasonCodes',
    'referredTo',
    'triagedAt',
  ]);
  expect(Object.keys(byTopic('partners.usn.feed')[0]?.data ?? {}).sort()).toEqual([
    'milestone',
    'reachedAt',
  ]);
});

it('sends a message that is no valid event to the dead-letter topic and goes on', async () => {
  await world.producer.send({
    topic: `${world.prefix}.intake.applications`,
    messages: [
      { key: 'x', value: '{"type":"intake.ConsentChanged.v1","founderId":"Kari Nordmann"}' },
    ],
  });
  await waitFor(async () => (await messageCount(world, 'intake.applications.dlq')) === 1, {
    description: 'the bad message dead-lettered',
  });
});
