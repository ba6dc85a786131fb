import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import type { LoadResult, WindowResult } from '../lib/load';
import { ratio } from '../lib/stats';
import { formatNumber, formatRatio, formatTable } from '../lib/table';

/** DESIGN.md, "Targets": the intake API on the 2-core test machine with the whole stack local. */
export const TARGET = { requestsPerSecond: 1_000, p99Ms: 50, max5xx: 0 } as const;

export interface StoredCheck {
  /** Documents in intake's `applications` collection after the run. */
  stored: number;
  /** 201 answers from intake over probe, warm-up and measured phase. */
  created: number;
  /** All 2xx answers: 201 plus any 200 (a resent request whose key intake had already seen). */
  answered2xx: number;
  /** Every 201 is stored, and nothing is stored that no request can account for. */
  nothingLost: boolean;
}

export interface RelayDrain {
  pendingAtEndOfLoad: number;
  pendingAfterWait: number;
  waitedSeconds: number;
}

export interface IntakeReportInput {
  settings: Record<string, unknown>;
  /** Load average (1 min) before the run: how busy the machine was with other work. */
  loadAverageAtStart: number;
  intake: LoadResult;
  baseline: LoadResult;
  stored: StoredCheck;
  relay: RelayDrain;
}

export function buildReport(input: IntakeReportInput) {
  const { intake, baseline } = input;
  const measured = intake.measured;
  const meets = {
    requestsPerSecond: measured.requestsPerSecond >= TARGET.requestsPerSecond,
    p99: measured.latencyMs.p99 <= TARGET.p99Ms,
    zero5xx: measured.status['5xx'] + intake.warmup.status['5xx'] <= TARGET.max5xx,
  };
  return {
    when: new Date().toISOString(),
    machine: {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      loadAverage1mAtStart: input.loadAverageAtStart,
      loadAverage1mAtEnd: loadavg()[0] ?? 0,
    },
    settings: input.settings,
    intake: {
      ...measured,
      warmup: windowTotals(intake.warmup),
      unanswered: intake.unanswered,
      ...input.stored,
      relay: input.relay,
    },
    baseline: {
      ...baseline.measured,
      warmup: windowTotals(baseline.warmup),
      unanswered: baseline.unanswered,
    },
    ratio: {
      throughput: ratio(measured.requestsPerSecond, baseline.measured.requestsPerSecond),
      p50: ratio(measured.latencyMs.p50, baseline.measured.latencyMs.p50),
      p99: ratio(measured.latencyMs.p99, baseline.measured.latencyMs.p99),
    },
    target: { ...TARGET, meets, met: meets.requestsPerSecond && meets.p99 && meets.zero5xx },
  };
}

export type IntakeReport = ReturnType<typeof buildReport>;

const windowTotals = (window: WindowResult) => ({
  seconds: window.seconds,
  responses: window.responses,
  byCode: window.byCode,
  errors: window.errors,
  timeouts: window.timeouts,
});

const yesNo = (yes: boolean) => (yes ? 'yes' : 'no');

/** The table and the verdicts, as printed at the end of a run. */
export function formatReport(report: IntakeReport): string {
  const { intake, baseline } = report;
  const ms = (pick: (phase: WindowResult) => number) => [
    formatNumber(pick(intake), 2),
    formatNumber(pick(baseline), 2),
    formatRatio(ratio(pick(intake), pick(baseline))),
  ];
  const count = (pick: (phase: WindowResult) => number) => [
    formatNumber(pick(intake), 0),
    formatNumber(pick(baseline), 0),
    '',
  ];
  const rows = [
    ['requests/s (mean)', ...ms((p) => p.requestsPerSecond)],
    ['latency p50 (ms)', ...ms((p) => p.latencyMs.p50)],
    ['latency p90 (ms)', ...ms((p) => p.latencyMs.p90)],
    ['latency p99 (ms)', ...ms((p) => p.latencyMs.p99)],
    ['latency max (ms)', ...ms((p) => p.latencyMs.max)],
    ['responses', ...count((p) => p.responses)],
    ['2xx', ...count((p) => p.status['2xx'])],
    ['4xx', ...count((p) => p.status['4xx'])],
    ['5xx', ...count((p) => p.status['5xx'])],
    ['errors', ...count((p) => p.errors)],
    ['timeouts', ...count((p) => p.timeouts)],
  ];
  const { meets } = report.target;
  const relay = intake.relay;
  const timedOut = intake.timeouts + baseline.timeouts;
  return [
    formatTable(['POST /applications', 'intake', 'baseline', 'intake/baseline'], rows),
    ...(timedOut > 0
      ? [
          `(${timedOut} requests timed out after 10 s and have no latency: the real percentiles are higher)`,
        ]
      : []),
    '',
    `target (DESIGN.md): meets 1,000/s: ${yesNo(meets.requestsPerSecond)}` +
      ` · p99 ≤ 50 ms: ${yesNo(meets.p99)} · zero 5xx: ${yesNo(meets.zero5xx)}`,
    `stored: ${formatNumber(intake.stored, 0)} applications in the database for ` +
      `${formatNumber(intake.created, 0)} answers 201 (2xx: ${formatNumber(intake.answered2xx, 0)}) ` +
      `and ${formatNumber(intake.unanswered, 0)} requests cut off in flight at the end: ` +
      (intake.nothingLost ? 'nothing lost' : 'MISMATCH'),
    `outbox: ${formatNumber(relay.pendingAtEndOfLoad, 0)} applications with unpublished events ` +
      `when the load ended, ${formatNumber(relay.pendingAfterWait, 0)} after ` +
      `${formatNumber(relay.waitedSeconds, 1)} s`,
  ].join('\n');
}
