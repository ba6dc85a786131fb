import {
  freePort,
  mongoUrlFor,
  startServiceProcess,
  testInfrastructure,
  uniqueDatabase,
  uniqueName,
  type ServiceProcess,
} from '@grunderboost/testkit';

/** The services a browser test may stand the portal on; intake is always there. */
export type PortalBackend = 'counselling' | 'followUp' | 'metrics' | 'journeys';

export interface PortalStack {
  intake: ServiceProcess;
  counselling?: ServiceProcess;
  followUp?: ServiceProcess;
  metrics?: ServiceProcess;
  bridge?: ServiceProcess;
  portal: ServiceProcess;
  /** Another portal over the same services, e.g. with one of them pointed elsewhere. */
  startPortal(env: Record<string, string>): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

/**
 * The portal and the services a browser test needs, each its own process with its own databases,
 * topic prefix, consumer groups and task queue. Every consumer gets a group of its own: in a
 * shared default group another process (npm start, other tests) may be handed this test's
 * partitions and never read them.
 */
export async function startPortalStack(options: {
  name: string;
  backends: PortalBackend[];
  portalEnv?: Record<string, string>;
}): Promise<PortalStack> {
  const { name, backends } = options;
  const infra = testInfrastructure();
  const shared = {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: uniqueName(name),
    TEMPORAL_ADDRESS: infra.temporalAddress,
    TEMPORAL_TASK_QUEUE: uniqueName(`${name}-journeys`),
  };
  const processes: ServiceProcess[] = [];
  const start = async (
    service: string,
    entry: string,
    env: Record<string, string>,
    http = true,
  ) => {
    const port = http ? await freePort() : undefined;
    const started = await startServiceProcess({
      name: service,
      entry,
      port,
      env: { ...shared, ...env },
    });
    processes.push(started);
    return started;
  };
  const db = (service: string) => mongoUrlFor(uniqueDatabase(`${name}_${service}`));
  const wanted = (backend: PortalBackend) => backends.includes(backend);
  const optional = (backend: PortalBackend, starting: () => Promise<ServiceProcess>) =>
    wanted(backend) ? starting() : Promise.resolve(undefined);

  // Intake and counselling first: they create the topics the bridge then reads from the start.
  const [intake, counselling, followUp, metrics] = await Promise.all([
    start('intake', 'services/intake/src/main.ts', {
      MONGO_URL: db('intake'),
      LOCAL_TOKEN_ISSUER: 'true',
      CREATE_RATE_LIMIT_PER_MINUTE: '0',
    }),
    optional('counselling', () =>
      start('counselling', 'services/counselling/src/main.ts', { MONGO_URL: db('counselling') }),
    ),
    optional('followUp', () =>
      start('follow-up', 'services/follow-up/src/main.ts', {
        MONGO_URL: db('followup'),
        KAFKA_GROUP_ID: uniqueName(`${name}-followup`),
      }),
    ),
    optional('metrics', () =>
      start('metrics', 'services/metrics/src/main.ts', {
        MONGO_URL: db('metrics'),
        METRICS_CONSUMER_GROUP: uniqueName(`${name}-metrics`),
      }),
    ),
  ]);
  const bridge = await optional('journeys', async () => {
    if (counselling === undefined) throw new Error('the journeys need counselling');
    const urls = { INTAKE_URL: intake.url, COUNSELLING_URL: counselling.url };
    await start(
      'journey-worker',
      'workflows/src/main-worker.ts',
      {
        ...urls,
        MONGO_URL: db('worker'),
      },
      false,
    );
    // The bridge asks intake whose application a founder's link opens.
    return start('journey-bridge', 'workflows/src/main-bridge.ts', {
      INTAKE_URL: intake.url,
      MONGO_URL: db('bridge'),
      BRIDGE_CONSUMER_GROUP: uniqueName(`${name}-bridge`),
    });
  });
  const backendUrls: Record<string, string> = { INTAKE_URL: intake.url };
  if (counselling) backendUrls.COUNSELLING_URL = counselling.url;
  if (followUp) backendUrls.FOLLOW_UP_URL = followUp.url;
  if (metrics) backendUrls.METRICS_URL = metrics.url;
  if (bridge) backendUrls.JOURNEYS_URL = bridge.url;
  const startPortal = (env: Record<string, string>) =>
    start('portal', 'services/portal/src/main.ts', { ...backendUrls, ...env });
  const portal = await startPortal(options.portalEnv ?? {});
  return {
    intake,
    counselling,
    followUp,
    metrics,
    bridge,
    portal,
    startPortal,
    stop: async () => {
      await Promise.all(processes.map((p) => p.stop()));
    },
  };
}
