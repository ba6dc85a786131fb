import { z } from 'zod';
import { baseConfigSchema, ConfigError, loadConfig, loadConfigOrExit } from '../src';

const serviceSchema = baseConfigSchema.extend({
  MONGO_URL: z.url(),
  KAFKA_BROKERS: z.string().min(1),
  API_TOKEN: z.string().min(32),
});

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the defaults of the base schema', () => {
    expect(loadConfig(baseConfigSchema, {})).toEqual({
      PORT: 0,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      BODY_LIMIT: '100kb',
      SHUTDOWN_TIMEOUT_MS: 10_000,
    });
  });

  it('coerces what the schema coerces', () => {
    const config = loadConfig(baseConfigSchema, { PORT: '8080', SHUTDOWN_TIMEOUT_MS: '500' });
    expect(config).toMatchObject({ PORT: 8080, SHUTDOWN_TIMEOUT_MS: 500 });
  });

  it('lists every bad or missing variable in one error', () => {
    const error = errorOf(() =>
      loadConfig(serviceSchema, {
        PORT: 'abc',
        LOG_LEVEL: 'verbose',
        SHUTDOWN_TIMEOUT_MS: '-5',
        MONGO_URL: 'not a url',
        API_TOKEN: 'short-secret',
      }),
    );
    expect(error.problems).toEqual([
      "PORT: expected number, received 'abc'",
      expect.stringMatching(/^LOG_LEVEL: invalid option: .*"info".*, received 'verbose'$/),
      expect.stringMatching(/^SHUTDOWN_TIMEOUT_MS: too small: .*, received '-5'$/),
      expect.stringMatching(/^MONGO_URL: invalid url.*, received 'not a url'$/i),
      'KAFKA_BROKERS: missing, expected string',
      expect.stringMatching(/^API_TOKEN: too small: .*, received '\[redacted\]'$/),
    ]);
    expect(error.message).toContain("PORT: expected number, received 'abc'");
    expect(error.message).not.toContain('short-secret');
  });
});

describe('loadConfigOrExit', () => {
  const originalEnv = process.env;

  afterEach(() => {
    process.env = originalEnv;
    jest.restoreAllMocks();
  });

  it('returns the config when it is valid', () => {
    process.env = { ...originalEnv, PORT: '1234' };
    expect(loadConfigOrExit(baseConfigSchema).PORT).toBe(1234);
  });

  it('writes the problems to stderr and exits 1', () => {
    process.env = { ...originalEnv, PORT: 'abc' };
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    jest.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    expect(() => loadConfigOrExit(baseConfigSchema)).toThrow('exit 1');
    expect(stderr).toHaveBeenCalledWith(
      expect.stringContaining("PORT: expected number, received 'abc'"),
    );
  });
});
