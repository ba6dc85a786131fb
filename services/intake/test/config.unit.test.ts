import { ConfigError, loadConfig } from '@grunderboost/service-kit';
import { configSchema } from '../src/config';

describe('intake configuration', () => {
  it('has the documented defaults', () => {
    expect(loadConfig(configSchema, {})).toMatchObject({
      PORT: 3001,
      HOST: '127.0.0.1',
      MONGO_URL: 'mongodb://127.0.0.1:27017/grunderboost_intake',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_TOPIC_PREFIX: '',
      OUTBOX_RELAY_ENABLED: true,
      FAULT_EXIT_AFTER_PUBLISH: false,
    });
  });

  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('reads the fault flags from %s', (raw, expected) => {
    const config = loadConfig(configSchema, {
      OUTBOX_RELAY_ENABLED: raw,
      FAULT_EXIT_AFTER_PUBLISH: raw,
    });
    expect(config.OUTBOX_RELAY_ENABLED).toBe(expected);
    expect(config.FAULT_EXIT_AFTER_PUBLISH).toBe(expected);
  });

  it('lists every bad variable at once', () => {
    const load = () =>
      loadConfig(configSchema, {
        OUTBOX_RELAY_ENABLED: 'maybe',
        KAFKA_BROKERS: 'no-port',
        KAFKA_TOPIC_PREFIX: 'has space',
      });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/OUTBOX_RELAY_ENABLED/);
      expect(problems).toMatch(/KAFKA_BROKERS/);
      expect(problems).toMatch(/KAFKA_TOPIC_PREFIX/);
    }
  });
});
