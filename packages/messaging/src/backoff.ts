export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

/** Exponential backoff with full jitter: attempt 1 waits up to initialMs, doubling to maxMs. */
export function backoffDelay(attempt: number, { initialMs, maxMs }: BackoffPolicy): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
