import {
  baseConfigSchema,
  ConfigError,
  loadConfig,
  mongoConnectionOptions,
  mongoPoolConfigSchema,
} from '../src';

const schema = baseConfigSchema.extend({ ...mongoPoolConfigSchema.shape });

describe('MONGO_MAX_POOL_SIZE', () => {
  it('keeps a service to 20 database connections unless told otherwise', () => {
    expect(mongoConnectionOptions(loadConfig(schema, {}))).toEqual({ maxPoolSize: 20 });
    expect(mongoConnectionOptions(loadConfig(schema, { MONGO_MAX_POOL_SIZE: '80' }))).toEqual({
      maxPoolSize: 80,
    });
  });

  it.each(['0', 'many', '2.5', '100000'])('stops the start on %s, naming the variable', (value) => {
    let thrown: unknown;
    try {
      loadConfig(schema, { MONGO_MAX_POOL_SIZE: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems).toEqual([
      expect.stringMatching(new RegExp(`^MONGO_MAX_POOL_SIZE: .*received '${value}'$`)),
    ]);
  });
});
