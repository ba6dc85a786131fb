import type { machineDescription } from '../lib/machine';
import { ratio, round } from '../lib/stats';
import { formatNumber, formatRatio, formatTable } from '../lib/table';

/** DESIGN.md, "Targets": outbox relay → Kafka → projection. */
export const TARGET_EVENTS_PER_SECOND = 2_000;

export interface ProjectionRun {
  applications: number;
  events: number;
  /** False when seeding took longer than planned and the relay started before it ended. */
  seededBeforeRelease: boolean;
  /** Seconds from the release to the last event the relay published (null: none seen). */
  publishedSeconds: number | null;
  published: number;
  applied: number;
  seconds: number;
  complete: boolean;
  /** Cores each process used over the window: where the time goes. */
  cpuCores: Record<string, number | null>;
}

export function pipelineReport(input: {
  machine: ReturnType<typeof machineDescription>;
  settings: Record<string, unknown>;
  raw: { messages: number; seconds: number; eventsPerSecond: number };
  projection: ProjectionRun;
}) {
  const { projection, raw } = input;
  const eventsPerSecond = round(projection.applied / Math.max(projection.seconds, 0.001), 1);
  const relayEventsPerSecond =
    projection.publishedSeconds === null
      ? null
      : round(projection.published / Math.max(projection.publishedSeconds, 0.001), 1);
  return {
    when: new Date().toISOString(),
    machine: input.machine,
    settings: input.settings,
    pipeline: {
      events_per_s: eventsPerSecond,
      relay_events_per_s: relayEventsPerSecond,
      raw_events_per_s: raw.eventsPerSecond,
      ratio: ratio(eventsPerSecond, raw.eventsPerSecond),
      ...projection,
    },
    raw,
    target: {
      eventsPerSecond: TARGET_EVENTS_PER_SECOND,
      met: eventsPerSecond >= TARGET_EVENTS_PER_SECOND,
    },
  };
}

export type PipelineReport = ReturnType<typeof pipelineReport>;

export function formatPipeline(report: PipelineReport): string {
  const p = report.pipeline;
  const cpu = Object.entries(p.cpuCores)
    .map(([name, cores]) => `${name} ${cores === null ? '–' : formatNumber(cores, 2)}`)
    .join(', ');
  return [
    formatTable(
      ['pipeline', 'events', 'seconds', 'events/s'],
      [
        [
          'relay → Kafka (published)',
          fmt(p.published),
          fmt(p.publishedSeconds, 1),
          fmt(p.relay_events_per_s),
        ],
        ['relay → Kafka → projection', fmt(p.applied), fmt(p.seconds, 1), fmt(p.events_per_s)],
        [
          'raw kafkajs produce → consume',
          fmt(report.raw.messages),
          fmt(report.raw.seconds, 1),
          fmt(report.raw.eventsPerSecond),
        ],
      ],
    ),
    '',
    `projection/raw: ${formatRatio(p.ratio)} · ${p.complete ? 'all' : 'NOT all'} ${fmt(p.events)} events applied` +
      ` · target (DESIGN.md) ≥ 2,000 events/s: ${report.target.met ? 'yes' : 'no'}`,
    `CPU over the window (cores of 2): ${cpu}`,
    ...(p.seededBeforeRelease
      ? []
      : ['(seeding ended after the release: the relay started early)']),
  ].join('\n');
}

const fmt = (value: number | null, digits = 0) => formatNumber(value, digits);
