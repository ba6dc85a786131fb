import { parseArgs } from 'node:util';

export interface BenchOptions {
  mode: 'quick' | 'default';
  warmupSeconds: number;
  durationSeconds: number;
  connections: number;
  /** Longest wait for the outbox relay to publish what the load left behind. */
  drainSeconds: number;
  /** Keep the bench database and Kafka topics for a look afterwards. */
  keep: boolean;
}

export const USAGE = `pnpm --filter @grunderboost/bench intake [--quick] [--duration S] [--warmup S]
       [--connections N] [--keep]

  --quick          3 s warm-up, 8 s measured (CI-ish); default 5 s and 20 s
  --duration S     measured seconds per target (overrides --quick's)
  --warmup S       warm-up seconds per target (overrides --quick's)
  --connections N  concurrent connections, each with one request in flight (default 32)
  --keep           keep the bench database and Kafka topics instead of deleting them
`;

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`--${name} expects a whole number above 0, got '${raw}'`);
  }
  return value;
}

/** Returns undefined for --help. pnpm may pass a literal '--' along: it is ignored. */
export function parseOptions(argv: string[]): BenchOptions | undefined {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return undefined;
  return {
    mode: values.quick ? 'quick' : 'default',
    warmupSeconds: positiveInteger('warmup', values.warmup, values.quick ? 3 : 5),
    durationSeconds: positiveInteger('duration', values.duration, values.quick ? 8 : 20),
    connections: positiveInteger('connections', values.connections, 32),
    drainSeconds: 30,
    keep: values.keep,
  };
}
