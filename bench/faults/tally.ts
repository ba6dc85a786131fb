import type { Tally } from './dedup-consumer';

/**
 * The four figures of every scenario, over the keys that were sent (events, applications or
 * journeys): arrived = applied at least once; lost = sent and never applied; duplicated = applied
 * more than once after the consumer's dedup by event id (what a user would notice); redelivered
 * = extra raw copies the consumer received and dropped by event id (harmless, but counted).
 */
export interface Figures {
  sent: number;
  arrived: number;
  lost: number;
  duplicated: number;
  redelivered: number;
}

export function figuresOf(sent: Iterable<string>, tally: Tally): Figures {
  const figures: Figures = { sent: 0, arrived: 0, lost: 0, duplicated: 0, redelivered: 0 };
  for (const key of sent) {
    figures.sent += 1;
    const applied = tally.applied.get(key) ?? 0;
    if (applied === 0) figures.lost += 1;
    else figures.arrived += 1;
    if (applied > 1) figures.duplicated += 1;
    figures.redelivered += Math.max(0, (tally.deliveries.get(key) ?? 0) - Math.max(1, applied));
  }
  return figures;
}

/** Sent keys that have not arrived yet (for the waits at the end of each scenario). */
export const missing = (sent: Iterable<string>, tally: Tally): number =>
  [...sent].filter((key) => !tally.applied.has(key)).length;

/** A few of the keys that never arrived, for the report (evidence to look them up by). */
export const missingExamples = (sent: Iterable<string>, tally: Tally, count = 5): string =>
  [...sent]
    .filter((key) => !tally.applied.has(key))
    .slice(0, count)
    .join(' ');

/** "sent 500, arrived 500, lost 0, doubled 0 (3 copies dropped by event id)". */
export const describe = (f: Figures): string =>
  `sent ${f.sent}, arrived ${f.arrived}, lost ${f.lost}, doubled ${f.duplicated} ` +
  `(${f.redelivered} redelivered copies dropped by event id)`;
