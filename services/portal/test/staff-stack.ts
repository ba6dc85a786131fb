import {
  freePort,
  mongoUrlFor,
  startServiceProcess,
  testInfrastructure,
  uniqueDatabase,
  uniqueName,
  type ServiceProcess,
} from '@grunderboost/testkit';

/**
 * What the staff pages stand on, each as its own process with its own databases, topic prefix,
 * consumer group and task queue: intake, counselling, the journey worker and bridge, the portal.
 */
export interface StaffStack {
  intake: ServiceProcess;
  counselling: ServiceProcess;
  portal: ServiceProcess;
  stop(): Promise<void>;
}

export async function startStaffStack(): Promise<StaffStack> {
  const infra = testInfrastructure();
  const shared = {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: uniqueName('portalstaff'),
    TEMPORAL_ADDRESS: infra.temporalAddress,
    TEMPORAL_TASK_QUEUE: uniqueName('portalstaff-journeys'),
  };
  const processes: ServiceProcess[] = [];
  const start = async (name: string, entry: string, env: Record<string, string>, port?: number) => {
    const started = await startServiceProcess({ name, entry, env: { ...shared, ...env }, port });
    processes.push(started);
    return started;
  };
  const [intakePort, counsellingPort, bridgePort, portalPort] = await Promise.all(
    [1, 2, 3, 4].map(() => freePort()),
  );
  // intake and counselling first: they create the topics the bridge then reads from the start.
  const [intake, counselling] = await Promise.all([
    start(
      'intake',
      'services/intake/src/main.ts',
      {
        MONGO_URL: mongoUrlFor(uniqueDatabase('portalstaff_intake')),
        LOCAL_TOKEN_ISSUER: 'true',
        CREATE_RATE_LIMIT_PER_MINUTE: '0',
      },
      intakePort,
    ),
    start(
      'counselling',
      'services/counselling/src/main.ts',
      { MONGO_URL: mongoUrlFor(uniqueDatabase('portalstaff_counselling')) },
      counsellingPort,
    ),
  ]);
  await start('journey-worker', 'workflows/src/main-worker.ts', {
    COUNSELLING_URL: counselling.url,
    INTAKE_URL: intake.url,
    MONGO_URL: mongoUrlFor(uniqueDatabase('portalstaff_worker')),
  });
  const bridge = await start(
    'journey-bridge',
    'workflows/src/main-bridge.ts',
    {
      MONGO_URL: mongoUrlFor(uniqueDatabase('portalstaff_bridge')),
      BRIDGE_CONSUMER_GROUP: uniqueName('portalstaff-bridge'),
      // The bridge asks intake whose application a founder's link opens.
      INTAKE_URL: intake.url,
    },
    bridgePort,
  );
  const portal = await start(
    'portal',
    'services/portal/src/main.ts',
    { INTAKE_URL: intake.url, COUNSELLING_URL: counselling.url, JOURNEYS_URL: bridge.url },
    portalPort,
  );
  return {
    intake,
    counselling,
    portal,
    stop: async () => {
      await Promise.all(processes.map((p) => p.stop()));
    },
  };
}
