/** Stops containers the global setup started; the local stack is left running for reuse. */
export default async function globalTeardown(): Promise<void> {
  const stop = (globalThis as { __gbStopInfrastructure?: () => Promise<void> })
    .__gbStopInfrastructure;
  await stop?.();
}
