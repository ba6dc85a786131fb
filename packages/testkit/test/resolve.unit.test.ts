import { MissingInfrastructureError, testInfrastructure } from '../src';
import { resolveInfrastructure } from '../src/resolve/resolve';

describe('infrastructure resolution', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('uses the servers named by environment variables before anything else', async () => {
    const resolved = await resolveInfrastructure({
      KAFKA_BROKERS: 'kafka.example:9092',
      MONGO_URL: 'mongodb://mongo.example:27017/',
      TEMPORAL_ADDRESS: 'temporal.example:7233',
      TEMPORAL_TEST_SERVER_PATH: process.execPath, // any existing file stands in for the binary
    });
    expect(resolved.source).toBe('environment');
    expect(resolved.env).toMatchObject({
      KAFKA_BROKERS: 'kafka.example:9092',
      MONGO_URL: 'mongodb://mongo.example:27017/',
      TEMPORAL_ADDRESS: 'temporal.example:7233',
    });
  });

  it('refuses a half-given environment instead of mixing servers', async () => {
    await expect(resolveInfrastructure({ KAFKA_BROKERS: 'kafka.example:9092' })).rejects.toThrow(
      /also set MONGO_URL, TEMPORAL_ADDRESS/,
    );
  });

  it('fails, naming the variable, when a test asks for a server that was not resolved', () => {
    delete process.env.MONGO_URL;
    process.env.KAFKA_BROKERS = 'a:1';
    expect(() => testInfrastructure()).toThrow(MissingInfrastructureError);
    expect(() => testInfrastructure()).toThrow(/MONGO_URL is not set/);
  });
});
