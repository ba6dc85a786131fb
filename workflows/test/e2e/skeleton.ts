import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { issueLocalStaffToken, staffAuthConfigSchema } from '@grunderboost/auth';
import { ensureTopics } from '@grunderboost/messaging';
import { loadConfig } from '@grunderboost/service-kit';
import {
  freePort,
  mongoUrlFor,
  startServiceProcess,
  testInfrastructure,
  uniqueDatabase,
  uniqueName,
  type ServiceProcess,
} from '@grunderboost/testkit';

/** The walking skeleton of one test: its own topics, databases, groups and task queue. */
export interface Skeleton {
  prefix: string;
  intake: ServiceProcess;
  counselling: ServiceProcess;
  metrics: ServiceProcess;
  worker: ServiceProcess;
  bridge: ServiceProcess;
  intakeEnv: Record<string, string>;
  workerEnv: Record<string, string>;
  stop(): Promise<void>;
}

export const SKELETON_TOPICS = [
  'intake.applications',
  'counselling.assignments',
  'counselling.appointments',
  'counselling.milestones',
  'journey.stages',
];

export async function createTopics(prefix: string): Promise<void> {
  const kafka = new Kafka({
    clientId: 'e2e-setup',
    brokers: testInfrastructure().kafkaBrokers,
    logLevel: logLevel.WARN,
  });
  const topics = SKELETON_TOPICS.flatMap((topic) => [
    `${prefix}.${topic}`,
    `${prefix}.${topic}.dlq`,
  ]);
  await ensureTopics(kafka, topics);
}

export interface SkeletonOptions {
  workerEnv?: Record<string, string>;
  bridgeEnv?: Record<string, string>;
}

export async function startSkeleton(options: SkeletonOptions = {}): Promise<Skeleton> {
  const infra = testInfrastructure();
  const prefix = uniqueName('e2e');
  await createTopics(prefix);
  const shared = {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    TEMPORAL_ADDRESS: infra.temporalAddress,
    TEMPORAL_TASK_QUEUE: uniqueName('journeys'),
  };
  // The e2e tests submit many applications from one address: no per-client limit here.
  const intakeEnv = {
    ...shared,
    MONGO_URL: mongoUrlFor(uniqueDatabase('intake')),
    CREATE_RATE_LIMIT_PER_MINUTE: '0',
  };
  const [intakePort, counsellingPort, metricsPort, bridgePort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const start = (name: string, entry: string, env: Record<string, string>, port?: number) =>
    startServiceProcess({ name, entry, env: { ...shared, ...env }, port });

  const [intake, counselling, metrics] = await Promise.all([
    start('intake', 'services/intake/src/main.ts', intakeEnv, intakePort),
    start(
      'counselling',
      'services/counselling/src/main.ts',
      { MONGO_URL: mongoUrlFor(uniqueDatabase('counselling')) },
      counsellingPort,
    ),
    start(
      'metrics',
      'services/metrics/src/main.ts',
      {
        MONGO_URL: mongoUrlFor(uniqueDatabase('metrics')),
        METRICS_CONSUMER_GROUP: uniqueName('metrics'),
      },
      metricsPort,
    ),
  ]);
  const workerEnv = {
    COUNSELLING_URL: counselling.url,
    INTAKE_URL: intake.url,
    MONGO_URL: mongoUrlFor(uniqueDatabase('journeyworker')),
    ...options.workerEnv,
  };
  const worker = await start('journey-worker', 'workflows/src/main-worker.ts', workerEnv);
  const bridge = await start(
    'journey-bridge',
    'workflows/src/main-bridge.ts',
    {
      MONGO_URL: mongoUrlFor(uniqueDatabase('bridge')),
      BRIDGE_CONSUMER_GROUP: uniqueName('bridge'),
      ...options.bridgeEnv,
    },
    bridgePort,
  );
  const skeleton: Skeleton = {
    prefix,
    intake,
    counselling,
    metrics,
    worker,
    bridge,
    intakeEnv: { ...intakeEnv, PORT: String(intakePort) },
    workerEnv: { ...shared, ...workerEnv },
    async stop() {
      await Promise.all(
        [skeleton.intake, bridge, skeleton.worker, counselling, metrics].map((process) =>
          process.stop(),
        ),
      );
    },
  };
  return skeleton;
}

export interface Summary {
  applications: number;
  assignments: number;
}

export async function summary(metrics: ServiceProcess): Promise<Summary> {
  const response = await fetch(`${metrics.url}/metrics/summary`);
  return (await response.json()) as Summary;
}

export const application = (index: number) => ({
  contact: { name: `Founder ${index}`, email: `founder${index}@example.no` },
  municipality: '3301',
  focusArea: 'grunder',
  sector: 'J',
  stage: 'idea',
  language: index % 2 === 0 ? 'nb' : 'en',
  referralSource: 'self',
  idea: `Business idea number ${index}`,
  organisationForm: 'undecided',
  consents: {
    processing: { granted: true, textVersion: '2026-01' },
    statistics: { granted: true, textVersion: '2026-01' },
  },
});

export async function submit(
  intakeUrl: string,
  index: number,
): Promise<{ applicationId: string; founderId: string }> {
  const response = await fetch(`${intakeUrl}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(application(index)),
  });
  if (response.status !== 201) {
    throw new Error(`POST /applications answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as { applicationId: string; founderId: string };
}

/**
 * A counsellor accepts the application through intake's API: the journey assigns a counsellor
 * only to accepted applications (docs/adr/0006).
 */
export async function accept(intakeUrl: string, applicationId: string): Promise<void> {
  const token = await issueLocalStaffToken(loadConfig(staffAuthConfigSchema, {}), {
    staffId: randomUUID(),
    roles: ['counsellor'],
  });
  const response = await fetch(`${intakeUrl}/applications/${applicationId}/triage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ decision: 'accepted', reasonCodes: ['eligible'] }),
  });
  if (response.status >= 300) {
    throw new Error(`POST /triage answered ${response.status}: ${await response.text()}`);
  }
}
