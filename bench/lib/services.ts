import type { ServiceProcess } from '@grunderboost/testkit';
import { freePort } from '@grunderboost/testkit';
import { createTopics, deletePrefixedTopics } from './kafka';
import { messageOf, sleep, type Cleanup } from './main';
import { dropDatabase } from './mongo';
import { runStamp } from './names';
import { startProcess, stopProcess } from './processes';
import { mongoDatabaseUrl, required, type StackEnv } from './stack';

/**
 * The services of the platform as infra/local/apps starts them (`node --import tsx <entry>`),
 * each on a free port with the run's own databases, topic prefix, consumer groups and Temporal
 * task queue, so a benchmark never sees (or disturbs) anyone else's data on the shared stack.
 */
export type ServiceName =
  | 'intake'
  | 'counselling'
  | 'metrics'
  | 'follow-up'
  | 'partners'
  | 'journey-worker'
  | 'journey-bridge'
  | 'portal';

/** The services a journey passes through to its assignment (metrics is not on that path). */
export const JOURNEY_SERVICES = [
  'intake',
  'counselling',
  'journey-worker',
  'journey-bridge',
] as const;

export interface RunScope {
  stack: StackEnv;
  brokers: string[];
  /** e.g. bench-e2e-20261202071500123: the Kafka topic prefix and the stem of every name. */
  prefix: string;
  /** The run's database of one service: bench_<bench>_<stamp>_<service>. */
  databaseUrl(service: string): string;
  databases: Set<string>;
}

export function runScope(stack: StackEnv, bench: string): RunScope {
  const stamp = runStamp();
  const databases = new Set<string>();
  return {
    stack,
    brokers: required(stack, 'KAFKA_BROKERS').split(','),
    prefix: `bench-${bench}-${stamp}`,
    databases,
    databaseUrl(service) {
      const name = `bench_${bench}_${stamp}_${service.replace(/\W/g, '_')}`;
      databases.add(name);
      return mongoDatabaseUrl(stack, name);
    },
  };
}

/** The topics metrics projects (its rebuild replays them; the replay scenario resets them). */
export const METRICS_TOPICS = [
  'intake.applications',
  'counselling.assignments',
  'counselling.appointments',
  'counselling.milestones',
  'followup.outcomes',
];

/** Every topic the services consume, created before they start (as the e2e setup does). */
const TOPICS = [...METRICS_TOPICS, 'journey.stages'];

export type Started = Partial<Record<ServiceName, ServiceProcess>>;

/** How each started process was launched, so a fault scenario can start it again the same way. */
const launches = new WeakMap<ServiceProcess, Parameters<typeof startProcess>[0]>();

const ENTRIES: Record<ServiceName, { entry: string; http: boolean }> = {
  intake: { entry: 'services/intake/src/main.ts', http: true },
  counselling: { entry: 'services/counselling/src/main.ts', http: true },
  metrics: { entry: 'services/metrics/src/main.ts', http: true },
  'follow-up': { entry: 'services/follow-up/src/main.ts', http: true },
  partners: { entry: 'services/partners/src/main.ts', http: true },
  'journey-worker': { entry: 'workflows/src/main-worker.ts', http: false },
  'journey-bridge': { entry: 'workflows/src/main-bridge.ts', http: true },
  portal: { entry: 'services/portal/src/main.ts', http: true },
};

/** The environment of one service, given the URLs of those started before it. */
function envOf(
  name: ServiceName,
  scope: RunScope,
  urls: Record<string, string>,
): Record<string, string> {
  const own = { MONGO_URL: scope.databaseUrl(name) };
  const url = (service: ServiceName) => urls[service] ?? 'http://127.0.0.1:9';
  switch (name) {
    case 'intake':
      // One client sends the whole load: no per-client limit; staff tokens from POST /dev/token.
      return { ...own, CREATE_RATE_LIMIT_PER_MINUTE: '0', LOCAL_TOKEN_ISSUER: 'true' };
    case 'metrics':
      return {
        ...own,
        METRICS_CONSUMER_GROUP: `${scope.prefix}.metrics`,
        INTAKE_URL: url('intake'),
      };
    case 'follow-up':
      return { ...own, KAFKA_GROUP_ID: `${scope.prefix}.follow-up` };
    case 'journey-worker':
      return {
        ...own,
        COUNSELLING_URL: url('counselling'),
        INTAKE_URL: url('intake'),
        SMTP_URL: scope.stack.SMTP_URL ?? 'smtp://127.0.0.1:1025',
      };
    case 'journey-bridge':
      return { ...own, BRIDGE_CONSUMER_GROUP: `${scope.prefix}.bridge` };
    case 'portal':
      return {
        INTAKE_URL: url('intake'),
        COUNSELLING_URL: url('counselling'),
        METRICS_URL: url('metrics'),
        FOLLOW_UP_URL: url('follow-up'),
        JOURNEYS_URL: url('journey-bridge'),
      };
    case 'counselling':
    case 'partners':
      return own;
  }
}

/** Services that call others start after them (worker and portal need their URLs). */
const LATER: ReadonlySet<ServiceName> = new Set(['journey-worker', 'journey-bridge', 'portal']);

/**
 * Creates the run's topics, starts the named services and registers their stop (and, unless
 * `keep`, the dropping of the run's databases and topics) in `cleanup`.
 */
export async function startServices(
  names: ServiceName[],
  scope: RunScope,
  cleanup: Cleanup,
  options: { keep?: boolean; env?: Partial<Record<ServiceName, Record<string, string>>> } = {},
): Promise<Started> {
  cleanup.unshift({
    what: options.keep ? 'keep data' : 'drop the run data',
    run: () => (options.keep ? Promise.resolve() : dropRunData(scope)),
  });
  await createTopics(
    scope.brokers,
    TOPICS.flatMap((topic) => [`${scope.prefix}.${topic}`, `${scope.prefix}.${topic}.dlq`]),
  );
  const started: Started = {};
  const urls: Record<string, string> = {};
  const startOne = async (name: ServiceName) => {
    const { entry, http } = ENTRIES[name];
    const port = http ? await freePort() : undefined;
    const env = {
      KAFKA_BROKERS: scope.brokers.join(','),
      KAFKA_TOPIC_PREFIX: scope.prefix,
      TEMPORAL_ADDRESS: scope.stack.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
      TEMPORAL_TASK_QUEUE: `${scope.prefix}-journeys`,
      LOG_LEVEL: 'warn',
      ...envOf(name, scope, urls),
      ...options.env?.[name],
    };
    const launch = { name, entry, env, ...(port === undefined ? {} : { port }) };
    const child = await startProcess(launch);
    launches.set(child, launch);
    cleanup.unshift({ what: `stop ${name}`, run: () => stopProcess(child) });
    started[name] = child;
    urls[name] = child.url;
  };
  await Promise.all(names.filter((name) => !LATER.has(name)).map(startOne));
  for (const name of names.filter((n) => LATER.has(n))) await startOne(name);
  return started;
}

/** The process of a started service, or an error naming it (a bug in the benchmark). */
export function service(started: Started, name: ServiceName): ServiceProcess {
  const child = started[name];
  if (child === undefined) throw new Error(`${name} was not started`);
  return child;
}

/**
 * Starts a service again after it died (a fault scenario killed it): same entry, port (the
 * others keep its URL) and environment, with `env` on top. Registers the new process's stop.
 */
export async function restartService(
  started: Started,
  name: ServiceName,
  cleanup: Cleanup,
  env: Record<string, string> = {},
): Promise<ServiceProcess> {
  const launch = launches.get(service(started, name));
  if (launch === undefined) throw new Error(`${name} was not started by startServices`);
  const again = { ...launch, env: { ...launch.env, ...env } };
  const child = await startProcess(again);
  launches.set(child, again);
  cleanup.unshift({ what: `stop ${name} (restarted)`, run: () => stopProcess(child) });
  started[name] = child;
  return child;
}

/** Each database and the topics on their own: one failure does not leave the rest behind. */
async function dropRunData(scope: RunScope): Promise<void> {
  // FerretDB 1.24 (SQLite) crashed once with SIGBUS when a database was dropped while it still
  // worked through a stopped service's last operations on it: give those a moment to end.
  await sleep(3_000);
  const failures: string[] = [];
  for (const name of scope.databases) {
    await dropDatabase(mongoDatabaseUrl(scope.stack, name)).catch((error: unknown) => {
      failures.push(`${name}: ${messageOf(error)}`);
    });
  }
  await deletePrefixedTopics(scope.brokers, scope.prefix).catch((error: unknown) => {
    failures.push(`topics ${scope.prefix}.*: ${messageOf(error)}`);
  });
  if (failures.length > 0) throw new Error(failures.join('; '));
}
