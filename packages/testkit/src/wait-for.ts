export interface WaitForOptions {
  /** What is awaited, for the error message when it never happens. */
  description: string;
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Polls `probe` until it returns a value other than undefined/false, and returns it.
 * A probe that throws is treated as "not yet"; its last error is reported on timeout.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { description, timeoutMs = 30_000, intervalMs = 100 }: WaitForOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Asserts that `check` keeps passing for the whole period (e.g. "no duplicate arrives"). */
export async function staysTrue(
  check: () => Promise<boolean> | boolean,
  { description, timeoutMs = 2_000, intervalMs = 100 }: WaitForOptions,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await check())) {
      throw new Error(`expected ${description} to hold, but it stopped holding`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
