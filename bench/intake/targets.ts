import type { LoadTarget } from '../lib/load';
import { mongoDatabaseUrl, required, type StackEnv } from '../lib/stack';
import { applicationBody } from './application-body';

/** Names that no other run (nor anyone else on the shared stack) uses. */
export interface RunNames {
  database: string;
  topicPrefix: string;
  idempotencyPrefix: string;
}

export function runNames(now = new Date()): RunNames {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 17); // yyyymmddhhmmssSSS
  return {
    database: `bench_intake_${stamp}`,
    topicPrefix: `bench-intake-${stamp}`,
    idempotencyPrefix: `bench-${stamp}`,
  };
}

export const INTAKE_ENTRY = 'services/intake/src/main.ts';
export const BASELINE_ENTRY = 'bench/intake/baseline-server.ts';

/** The real intake service's environment, as infra/local/apps gives it, on its own data. */
export function intakeEnv(stack: StackEnv, names: RunNames): Record<string, string> {
  return {
    MONGO_URL: mongoDatabaseUrl(stack, names.database),
    KAFKA_BROKERS: required(stack, 'KAFKA_BROKERS'),
    KAFKA_TOPIC_PREFIX: names.topicPrefix,
    LOG_LEVEL: 'warn',
    // The per-client limit on creating applications would cap a benchmark from one client.
    CREATE_RATE_LIMIT_PER_MINUTE: '0',
  };
}

/**
 * POST /applications with a new founder in every request (see application-body.ts) and, when
 * `idempotencyPrefix` is given, a distinct Idempotency-Key as clients are expected to send.
 * Runs on one database start at different `firstIndex`es so their founders stay distinct.
 */
export function applicationTarget(
  name: string,
  url: string,
  idempotencyPrefix?: string,
  firstIndex = 0,
): LoadTarget {
  let next = firstIndex;
  return {
    name,
    url,
    path: '/applications',
    nextRequest: () => {
      const i = next++;
      const headers: Record<string, string> =
        idempotencyPrefix === undefined ? {} : { 'idempotency-key': `${idempotencyPrefix}-${i}` };
      return { body: JSON.stringify(applicationBody(i)), headers };
    },
  };
}

/**
 * One request before the load: a body the API rejects would otherwise be measured as 20 s of
 * fast 400s. Fails with the answer so the body builder can be fixed.
 */
export async function probe(target: LoadTarget): Promise<void> {
  const { body, headers } = target.nextRequest();
  const response = await fetch(`${target.url}${target.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  if (response.status !== 201) {
    const answer = (await response.text()).slice(0, 2_000);
    throw new Error(
      `${target.name} answered ${response.status} to the probe request instead of 201; ` +
        `if the API changed, update bench/intake/application-body.ts.\n` +
        `request: ${body}\nanswer: ${answer}`,
    );
  }
}
