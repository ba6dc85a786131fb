import { formatNumber, formatTable } from '../lib/table';
import type { RunCounts } from './ndjson';

/** The figures of one service: every profile's run added up. */
export interface ServiceFuzz {
  operations: number;
  requests: number;
  server_errors: number;
  schema_violations: number;
  /** "<operation>: <check> (<status>)", one line per distinct finding. */
  failures: string[];
  seconds: number;
}

export function serviceFuzz(runs: RunCounts[], operations: number, seconds: number): ServiceFuzz {
  const sum = (pick: (run: RunCounts) => number) =>
    runs.reduce((total, run) => total + pick(run), 0);
  return {
    operations,
    requests: sum((run) => run.requests),
    server_errors: sum((run) => run.serverErrors),
    schema_violations: sum((run) => run.schemaViolations),
    failures: [...new Set(runs.flatMap((run) => run.failures))].sort(),
    seconds: Math.round(seconds * 10) / 10,
  };
}

export function fuzzTotals(byService: Record<string, ServiceFuzz>) {
  const services = Object.values(byService);
  const sum = (pick: (service: ServiceFuzz) => number) =>
    services.reduce((total, service) => total + pick(service), 0);
  return {
    requests: sum((service) => service.requests),
    server_errors: sum((service) => service.server_errors),
    schema_violations: sum((service) => service.schema_violations),
    by_service: byService,
  };
}

export function formatFuzz(fuzz: ReturnType<typeof fuzzTotals>, seconds: number): string {
  const row = (name: string, figures: Omit<ServiceFuzz, 'failures' | 'operations'>) => [
    name,
    ...[figures.requests, figures.server_errors, figures.schema_violations].map((value) =>
      formatNumber(value, 0),
    ),
    formatNumber(figures.seconds, 0),
  ];
  const rows = Object.entries(fuzz.by_service).map(([name, figures]) => row(name, figures));
  const table = formatTable(
    ['service', 'requests', '5xx', 'schema violations', 'seconds'],
    [...rows, row('total', { ...fuzz, seconds })],
  );
  const findings = Object.entries(fuzz.by_service).flatMap(([name, figures]) =>
    figures.failures.map((failure) => `  ${name}: ${failure}`),
  );
  return findings.length === 0
    ? `${table}\n\nno findings`
    : `${table}\n\nfindings:\n${findings.join('\n')}`;
}
