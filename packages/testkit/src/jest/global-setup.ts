import { resolveInfrastructure } from '../resolve/resolve';

const RESOLVED_FLAG = 'GB_TESTKIT_RESOLVED';

/**
 * Jest global setup of the integration and e2e projects. Resolves the servers once per
 * run and exports their addresses as environment variables, which the test workers
 * (started afterwards) inherit.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env[RESOLVED_FLAG] === '1') {
    return; // both projects selected: resolved by the first one already
  }
  const started = Date.now();
  const resolved = await resolveInfrastructure();
  Object.assign(process.env, resolved.env, { [RESOLVED_FLAG]: '1' });
  (globalThis as { __gbStopInfrastructure?: () => Promise<void> }).__gbStopInfrastructure = () =>
    resolved.stop();
  process.stderr.write(
    `\n[testkit] servers from the ${resolved.source} (${Date.now() - started} ms): ` +
      `kafka ${resolved.env.KAFKA_BROKERS}, mongo ${resolved.env.MONGO_URL}, ` +
      `temporal ${resolved.env.TEMPORAL_ADDRESS}\n`,
  );
}
