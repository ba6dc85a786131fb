export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles over every response time (ms, sub-millisecond precision kept). */
export function summariseLatencies(latenciesMs: readonly number[]): LatencySummary {
  if (latenciesMs.length === 0) return { mean: 0, p50: 0, p90: 0, p99: 0, max: 0 };
  const sorted = Float64Array.from(latenciesMs).sort();
  const at = (percent: number) =>
    sorted[Math.max(0, Math.ceil((percent / 100) * sorted.length) - 1)] ?? 0;
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    mean: round(total / sorted.length),
    p50: round(at(50)),
    p90: round(at(90)),
    p99: round(at(99)),
    max: round(sorted[sorted.length - 1] ?? 0),
  };
}

export const round = (value: number, digits = 2): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** a / b to 3 significant digits, or null when b is zero (a ratio to nothing means nothing). */
export const ratio = (a: number, b: number): number | null =>
  b === 0 ? null : Number((a / b).toPrecision(3));
