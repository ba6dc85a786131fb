import type { machineDescription } from '../lib/machine';
import { formatNumber, formatTable } from '../lib/table';
import type { StepOutcome } from './run';

/**
 * bench/results/latest.json from the results the steps of this run wrote: a step that failed
 * (or was not available) contributes nulls, never an older run's file.
 */
type Json = Record<string, unknown>;

const obj = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((current, key) => obj(current)[key], value);

interface CollectInput {
  machine: ReturnType<typeof machineDescription>;
  quick: boolean;
  seconds: number;
  outcomes: StepOutcome[];
  read: (name: string) => Promise<unknown>;
}

export async function collectLatest(input: CollectInput) {
  const results: Record<string, unknown> = {};
  for (const outcome of input.outcomes) {
    const hasFigures = outcome.status === 'ok' || outcome.status === 'earlier run';
    results[outcome.name] = hasFigures ? await input.read(outcome.name) : undefined;
  }
  const latest = latestOf(input, results);
  return { ...latest, summary: summaryLines(latest) };
}

function latestOf(input: CollectInput, results: Record<string, unknown>) {
  const steps: Record<string, { status: string; seconds: number; when?: string }> =
    Object.fromEntries(
      input.outcomes.map((o) => [
        o.name,
        { status: o.status, seconds: o.seconds, ...(o.when === undefined ? {} : { when: o.when }) },
      ]),
    );
  const r = (name: string, ...path: string[]) => num(at(results[name], ...path));
  return {
    when: new Date().toISOString(),
    quick: input.quick,
    machine: input.machine,
    seconds: input.seconds,
    steps,
    loadAverage1mAtStart: Object.fromEntries(
      input.outcomes.map((o) => [
        o.name,
        num(at(results[o.name], 'machine', 'loadAverage1mAtStart')),
      ]),
    ),
    intake: {
      rps: r('intake', 'intake', 'requestsPerSecond'),
      p50_ms: r('intake', 'intake', 'latencyMs', 'p50'),
      p99_ms: r('intake', 'intake', 'latencyMs', 'p99'),
      server_errors: r('intake', 'intake', 'status', '5xx'),
      baseline_rps: r('intake', 'baseline', 'requestsPerSecond'),
      ratio: r('intake', 'ratio', 'throughput'),
    },
    pipeline: {
      events_per_s: r('pipeline', 'pipeline', 'events_per_s'),
      relay_events_per_s: r('pipeline', 'pipeline', 'relay_events_per_s'),
      raw_events_per_s: r('pipeline', 'pipeline', 'raw_events_per_s'),
      ratio: r('pipeline', 'pipeline', 'ratio'),
    },
    e2e: {
      p50_ms: r('e2e', 'e2e', 'p50_ms'),
      p99_ms: r('e2e', 'e2e', 'p99_ms'),
      accepted_p50_ms: r('e2e', 'e2e', 'accepted_p50_ms'),
      accepted_p99_ms: r('e2e', 'e2e', 'accepted_p99_ms'),
      per_s: r('e2e', 'e2e', 'perSecond'),
      seconds: r('e2e', 'e2e', 'plannedSeconds'),
      submitted: r('e2e', 'e2e', 'submitted'),
      assigned: r('e2e', 'e2e', 'assigned'),
    },
    rebuild: {
      events_per_s: r('rebuild', 'rebuild', 'events_per_s'),
      replay_events_per_s: r('rebuild', 'rebuild', 'replay_events_per_s'),
      events: r('rebuild', 'rebuild', 'events'),
    },
    database: databaseOf(results.database),
    growth: growthOf(results.growth),
    rss_mb: obj(at(results.memory, 'rss_mb')),
    faults: at(results.faults, 'faults') ?? null,
    fuzz: at(results.fuzz, 'fuzz') ?? null,
  };
}

/** ms per operation at the smallest and largest size, and the growth between them. */
function databaseOf(result: unknown) {
  const steps = at(result, 'database', 'steps');
  const list = Array.isArray(steps) ? (steps as Json[]) : [];
  return {
    sizes: list.map((step) => num(step.size)),
    first: list[0] ?? null,
    last: list[list.length - 1] ?? null,
    growth: at(result, 'database', 'growth') ?? null,
    server: at(result, 'settings', 'server') ?? null,
  };
}

function growthOf(result: unknown) {
  const growth = obj(at(result, 'growth'));
  const figures = Object.fromEntries(Object.entries(growth).filter(([key]) => key !== 'steps'));
  return {
    intake_p99_ms_10k: null,
    intake_p99_ms_1m: null,
    ...figures,
    sizes: at(result, 'settings', 'sizes') ?? null,
    note: at(result, 'settings', 'note') ?? null,
  };
}

type Latest = ReturnType<typeof latestOf>;

function summaryLines(latest: Latest): string[] {
  const f = (value: unknown, digits = 0) => formatNumber(num(value), digits);
  const g = latest.growth as Json;
  const rows = [
    [
      'intake applications/s (baseline)',
      `${f(latest.intake.rps, 1)} (${f(latest.intake.baseline_rps)})`,
      '≥ 1,000/s',
    ],
    ['intake p99 ms', f(latest.intake.p99_ms), '≤ 50 ms'],
    [
      'pipeline events/s (raw kafkajs)',
      `${f(latest.pipeline.events_per_s, 1)} (${f(latest.pipeline.raw_events_per_s)})`,
      '≥ 2,000/s',
    ],
    ['e2e p50 / p99 ms', `${f(latest.e2e.p50_ms)} / ${f(latest.e2e.p99_ms)}`, '≤ 300 / ≤ 1,500 ms'],
    [
      'rebuild events/s (replay only)',
      `${f(latest.rebuild.events_per_s)} (${f(latest.rebuild.replay_events_per_s)})`,
      '≥ 10,000/s',
    ],
    [
      'database find missing _id ms (first / last size)',
      `${f(at(latest.database.first, 'find_missing_id'), 1)} / ${f(at(latest.database.last, 'find_missing_id'), 1)}`,
      'flat',
    ],
    [
      'growth intake p99 ms 10k / 1m',
      `${f(g.intake_p99_ms_10k)} / ${f(g.intake_p99_ms_1m)}`,
      'flat',
    ],
    ...Object.entries(latest.rss_mb).map(([name, value]) => [
      `rss MB ${name} idle / load`,
      `${f(at(value, 'idle'), 1)} / ${f(at(value, 'load'), 1)}`,
      '< 150 idle',
    ]),
    [
      'faults',
      latest.faults === null
        ? 'not available'
        : `${Object.keys(obj(latest.faults)).length} scenarios`,
      'no loss, no doubles',
    ],
    [
      'fuzz requests / 5xx',
      latest.fuzz === null
        ? 'not available'
        : `${f(at(latest.fuzz, 'requests'))} / ${f(at(latest.fuzz, 'server_errors'))}`,
      'zero 5xx',
    ],
  ];
  const steps = Object.entries(latest.steps)
    .map(([name, step]) => `${name} ${step.status} (${step.seconds} s)`)
    .join(', ');
  return [
    formatTable(['figure', latest.quick ? 'measured (quick)' : 'measured', 'target'], rows),
    '',
    `steps: ${steps} · ${latest.seconds} s in all`,
  ];
}
