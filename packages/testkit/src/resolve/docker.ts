import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Stoppable handle of whatever the resolution started. */
export interface StartedServers {
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * True only when a Docker engine really answers: the `docker` client alone (present
 * on machines without an engine) is not enough. GB_TEST_NO_DOCKER=1 skips the check.
 */
export async function dockerEngineAnswers(): Promise<boolean> {
  if (process.env.GB_TEST_NO_DOCKER === '1') {
    return false;
  }
  try {
    await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

/** Official images, the same as docker-compose.yml uses. */
export const IMAGES = {
  kafka: 'apache/kafka:3.9.1',
  mongo: 'mongo:7.0',
  temporal: 'temporalio/temporal:1.5.1',
} as const;

/** Starts Kafka, MongoDB and the Temporal dev server as containers (testcontainers). */
export async function startContainers(): Promise<StartedServers> {
  // Imported lazily: machines without Docker never load testcontainers.
  const { GenericContainer, Wait } = await import('testcontainers');
  const { MongoDBContainer } = await import('@testcontainers/mongodb');

  // The broker must advertise the address clients use, so its host port is chosen first.
  const kafkaPort = await freePort();
  const [kafka, mongo, temporal] = await Promise.all([
    new GenericContainer(IMAGES.kafka)
      .withExposedPorts({ container: 9092, host: kafkaPort })
      .withEnvironment({
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
        KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${kafkaPort}`,
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
        KAFKA_NUM_PARTITIONS: '3',
      })
      .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
      .start(),
    new MongoDBContainer(IMAGES.mongo).start(),
    new GenericContainer(IMAGES.temporal)
      .withCommand(['server', 'start-dev', '--ip', '0.0.0.0', '--headless'])
      .withExposedPorts(7233)
      .withWaitStrategy(Wait.forListeningPorts())
      .start(),
  ]);
  return {
    env: {
      KAFKA_BROKERS: `127.0.0.1:${kafka.getMappedPort(9092)}`,
      MONGO_URL: `${mongo.getConnectionString()}/?directConnection=true`,
      TEMPORAL_ADDRESS: `${temporal.getHost()}:${temporal.getMappedPort(7233)}`,
    },
    async stop() {
      await Promise.all([kafka.stop(), mongo.stop(), temporal.stop()]);
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
