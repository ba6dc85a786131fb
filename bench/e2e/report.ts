import type { ServiceProcess } from '@grunderboost/testkit';
import { sayAs } from '../lib/main';
import type { LatencySummary } from '../lib/stats';
import { formatNumber, formatTable } from '../lib/table';
import type { JourneyResult } from './journeys';

/** DESIGN.md, "Targets": submitted → assigned at 20 applications/s. */
export const E2E_TARGET = { perSecond: 20, p50Ms: 300, p99Ms: 1_500 } as const;

export const e2eVerdict = (result: JourneyResult) => ({
  ...E2E_TARGET,
  meets: {
    p50: result.assigned > 0 && result.submittedToAssignedMs.p50 <= E2E_TARGET.p50Ms,
    p99: result.assigned > 0 && result.submittedToAssignedMs.p99 <= E2E_TARGET.p99Ms,
    allAssigned: result.missing === 0,
  },
});

export function formatJourneys(result: JourneyResult): string {
  const row = (name: string, l: LatencySummary) => [
    name,
    ...[l.p50, l.p90, l.p99, l.max].map((v) => formatNumber(v, 0)),
  ];
  const failures = Object.entries(result.failures)
    .map(([what, count]) => `${what}: ${count}`)
    .join(', ');
  const verdict = e2eVerdict(result).meets;
  return [
    formatTable(
      ['latency (ms)', 'p50', 'p90', 'p99', 'max'],
      [
        row('submitted → CounsellorAssigned consumed', result.submittedToAssignedMs),
        row('accepted → CounsellorAssigned consumed', result.acceptedToAssignedMs),
        row('POST /applications answered', result.submitHttpMs),
      ],
    ),
    '',
    `${result.submitted} applications at ${result.perSecond}/s over ${result.loadSeconds} s: ` +
      `${result.accepted} accepted, ${result.assigned} assigned, ${result.missing} missing, ` +
      `${result.duplicateAssignments} assigned twice${failures === '' ? '' : ` · failures: ${failures}`}`,
    `target (DESIGN.md): p50 ≤ 300 ms: ${verdict.p50 ? 'yes' : 'no'} · p99 ≤ 1.5 s: ${verdict.p99 ? 'yes' : 'no'}`,
  ].join('\n');
}

/** 5xx are a finding of their own: show what intake logged about them. */
export function printServerErrors(failures: Record<string, number>, intake: ServiceProcess): void {
  if (!Object.keys(failures).some((what) => / 5\d\d$/.test(what))) return;
  const messages = new Map<string, number>();
  for (const line of intake.output().split('\n')) {
    if (!line.includes('"level":"error"')) continue;
    const message = errorMessageOf(line);
    messages.set(message, (messages.get(message) ?? 0) + 1);
  }
  const lines = [...messages].map(([message, count]) => `  ${count} × ${message}`);
  sayAs('e2e')(`intake answered 5xx; what it logged:\n${lines.join('\n')}`);
}

/** The error's message from one of intake's pino lines (its stack and context left out). */
function errorMessageOf(line: string): string {
  try {
    const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
    return (entry.err?.message ?? entry.msg ?? line).slice(-200);
  } catch {
    return line.slice(0, 200);
  }
}
