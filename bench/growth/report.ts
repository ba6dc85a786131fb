import type { JourneyResult } from '../e2e/journeys';
import type { WindowResult } from '../lib/load';
import type { machineDescription } from '../lib/machine';
import { ratio } from '../lib/stats';
import { formatNumber, formatRatio, formatTable } from '../lib/table';

export interface GrowthStep {
  /** Founders stored when measured; below plannedFounders when quick mode's seeding ran out of time. */
  founders: number;
  plannedFounders: number;
  seedSeconds: number;
  /** Seconds waited for intake to answer fast again before seeding / before the journeys. */
  settleSeconds: number;
  settledBeforeE2e: number;
  intake: WindowResult;
  e2e: JourneyResult;
}

/** 10000 → "10k", 1000000 → "1m": the key suffixes of latest.json. */
export const sizeLabel = (founders: number): string =>
  founders >= 1_000_000 && founders % 1_000_000 === 0
    ? `${founders / 1_000_000}m`
    : founders % 1_000 === 0
      ? `${founders / 1_000}k`
      : String(founders);

/** Says plainly when a step's figures stand for fewer founders than its name. */
function noteOf(options: { quick: boolean; seedLimitSeconds?: number }, steps: GrowthStep[]) {
  const short = steps
    .filter((step) => step.founders < step.plannedFounders)
    .map(
      (step) =>
        `the ${sizeLabel(step.plannedFounders)} step reached ${step.founders.toLocaleString('en-GB')} founders`,
    );
  const mode = options.quick ? 'quick mode' : 'full mode';
  if (short.length === 0) return `${mode}: every size reached`;
  return `${mode}: seeding is bounded to ${options.seedLimitSeconds ?? '∞'} s a step; ${short.join(', ')}, and its figures are measured there`;
}

export function growthReport(
  machine: ReturnType<typeof machineDescription>,
  options: {
    quick: boolean;
    sizes: number[];
    intakeSeconds: number;
    e2eSeconds: number;
    seedLimitSeconds?: number;
  },
  steps: GrowthStep[],
) {
  const figures: Record<string, number | null> = {};
  for (const step of steps) {
    const label = sizeLabel(step.plannedFounders);
    figures[`founders_${label}`] = step.founders;
    // No response in the window means no latency at all, not a latency of 0.
    figures[`intake_p99_ms_${label}`] =
      step.intake.responses === 0 ? null : step.intake.latencyMs.p99;
    figures[`intake_rps_${label}`] = step.intake.requestsPerSecond;
    const none = step.e2e.assigned === 0;
    figures[`e2e_p99_ms_${label}`] = none ? null : step.e2e.submittedToAssignedMs.p99;
    figures[`e2e_p50_ms_${label}`] = none ? null : step.e2e.submittedToAssignedMs.p50;
  }
  // The keys: 10k and 1m. A quick run stops short of a million and says so (null).
  for (const key of ['intake_p99_ms_10k', 'intake_p99_ms_1m', 'e2e_p99_ms_10k', 'e2e_p99_ms_1m']) {
    figures[key] ??= null;
  }
  const first = steps[0];
  const last = steps[steps.length - 1];
  return {
    when: new Date().toISOString(),
    machine,
    settings: {
      mode: options.quick ? 'quick' : 'default',
      sizes: options.sizes,
      seedLimitSeconds: options.seedLimitSeconds ?? null,
      note: noteOf(options, steps),
      intakeSeconds: options.intakeSeconds,
      e2eSeconds: options.e2eSeconds,
    },
    growth: {
      ...figures,
      intake_p99_growth:
        first && last ? ratio(last.intake.latencyMs.p99, first.intake.latencyMs.p99) : null,
      e2e_p99_growth:
        first && last
          ? ratio(last.e2e.submittedToAssignedMs.p99, first.e2e.submittedToAssignedMs.p99)
          : null,
      steps,
    },
  };
}

export type GrowthReport = ReturnType<typeof growthReport>;

export function formatGrowth(report: GrowthReport): string {
  const n = (v: number, d = 0) => formatNumber(v, d);
  const rows = report.growth.steps.map((step) => [
    step.founders === step.plannedFounders
      ? n(step.founders)
      : `${n(step.founders)} of ${n(step.plannedFounders)}`,
    n(step.seedSeconds, 1),
    n(step.intake.requestsPerSecond, 1),
    step.intake.responses === 0 ? '–' : n(step.intake.latencyMs.p99),
    String(step.intake.status['5xx']),
    step.e2e.assigned === 0 ? '–' : n(step.e2e.submittedToAssignedMs.p50),
    step.e2e.assigned === 0 ? '–' : n(step.e2e.submittedToAssignedMs.p99),
    `${step.e2e.assigned}/${step.e2e.submitted}`,
  ]);
  return [
    formatTable(
      [
        'founders stored',
        'seeded in s',
        'intake req/s',
        'intake p99 ms',
        '5xx',
        'e2e p50 ms',
        'e2e p99 ms',
        'assigned',
      ],
      rows,
    ),
    '',
    `p99 largest/smallest: intake ${formatRatio(report.growth.intake_p99_growth)}, end to end ${formatRatio(report.growth.e2e_p99_growth)}` +
      ` (1 = flat) · ${report.settings.note}`,
  ].join('\n');
}
