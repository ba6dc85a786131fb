import { formatNumber, formatTable } from '../lib/table';
import type { ScenarioResult } from './scenario';

/** The table on stdout: the four figures per scenario, then each scenario's other figures. */
export function formatFaults(faults: Record<string, ScenarioResult>): string {
  const rows = Object.entries(faults).map(([name, f]) => [
    name,
    ...[f.sent, f.arrived, f.lost, f.duplicated, f.redelivered].map((v) => formatNumber(v, 0)),
  ]);
  const table = formatTable(
    ['scenario', 'sent', 'arrived', 'lost', 'duplicated', 'redelivered'],
    rows,
  );
  const FOUR = new Set(['sent', 'arrived', 'lost', 'duplicated', 'redelivered']);
  const extras = Object.entries(faults).map(
    ([name, f]) =>
      `${name}: ` +
      Object.entries(f)
        .filter(([key]) => !FOUR.has(key))
        .map(
          ([key, value]) =>
            `${key} ${typeof value === 'number' ? formatNumber(value, 1) : String(value)}`,
        )
        .join(', '),
  );
  return [
    table,
    '',
    'duplicated: applied twice after the consumer dropped copies by event id (a user would see it);',
    'redelivered: extra copies delivered and dropped by event id (harmless).',
    '',
    ...extras,
  ].join('\n');
}
