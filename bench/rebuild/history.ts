import { keyOf, topicOf, type AnyEvent } from '@grunderboost/contracts';
import * as build from '@grunderboost/metrics/test/builders';
import { benchKafka } from '../lib/kafka';
import { sayAs } from '../lib/main';

/**
 * A synthetic history for the rebuild: journeys of six events per founder (submitted, accepted,
 * assigned, a session, a no-show, a 3-month outcome), across municipalities, focus areas and a
 * year of cohorts, built with the metrics tests' event builders (real contracts, validated).
 * Published in large batches, several requests in flight: seeding is not what is measured.
 */
const say = sayAs('rebuild');
const MUNICIPALITIES = ['3301', '3312', '3314', '3316', '3318', '3332', '3903'];
const FOCUS = ['grunder', 'health-industry', 'visitor-industry-trade', 'other'] as const;
const LANGUAGES = ['nb', 'en', 'ar', 'pl', 'uk', 'so'];

function journey(n: number): AnyEvent[] {
  const founder = build.newFounder();
  const month = String(1 + (n % 12)).padStart(2, '0');
  return [
    build.submitted(founder, {
      municipality: MUNICIPALITIES[n % MUNICIPALITIES.length] ?? '3301',
      focusArea: FOCUS[n % FOCUS.length] ?? 'grunder',
      language: LANGUAGES[n % LANGUAGES.length] ?? 'nb',
      submittedAt: `2025-${month}-05T10:00:00.000Z`,
    }),
    build.triaged(founder),
    build.assigned(founder),
    build.completed(founder, `2025-${month}-20T09:00:00.000Z`),
    build.noShow(founder, `2025-${month}-27T09:00:00.000Z`),
    build.outcome(founder, { months: 3, fte: n % 3, at: '2026-06-10T00:00:00.000Z' }),
  ];
}

export async function publishHistory(
  brokers: string[],
  prefix: string,
  events: number,
): Promise<{ events: number; seconds: number }> {
  const producer = benchKafka(brokers, 'bench-rebuild-seed').producer({
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await producer.connect();
  const started = Date.now();
  let sent = 0;
  let lastLine = started;
  try {
    for (let n = 0; sent < events;) {
      const batch: AnyEvent[] = [];
      while (batch.length < 3_000 && sent + batch.length < events) batch.push(...journey(n++));
      const messages = batch.slice(0, events - sent);
      await producer.sendBatch({
        acks: -1,
        topicMessages: groupByTopic(prefix, messages),
      });
      sent += messages.length;
      if (Date.now() - lastLine >= 5_000) {
        lastLine = Date.now();
        say(
          `history: ${sent.toLocaleString('en-GB')}/${events.toLocaleString('en-GB')} events published`,
        );
      }
    }
  } finally {
    await producer.disconnect();
  }
  return { events: sent, seconds: (Date.now() - started) / 1000 };
}

function groupByTopic(prefix: string, events: AnyEvent[]) {
  const byTopic = new Map<string, Array<{ key: string; value: string }>>();
  for (const event of events) {
    const topic = `${prefix}.${topicOf(event.type)}`;
    const list = byTopic.get(topic) ?? [];
    list.push({ key: keyOf(event), value: JSON.stringify(event) });
    byTopic.set(topic, list);
  }
  return [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages }));
}
