import { ConfigError, loadConfig } from '@grunderboost/service-kit';
import { configSchema } from '../src/config';

describe('metrics configuration', () => {
  it('has working defaults for a local run', () => {
    expect(loadConfig(configSchema, {})).toMatchObject({
      PORT: 3003,
      HOST: '127.0.0.1',
      MONGO_URL: 'mongodb://127.0.0.1:27017/grunderboost_metrics',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_TOPIC_PREFIX: '',
      METRICS_CONSUMER_GROUP: 'metrics',
      LOG_LEVEL: 'info',
    });
  });

  it('reads a comma-separated broker list', () => {
    const config = loadConfig(configSchema, { KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092,' });
    expect(config.KAFKA_BROKERS).toEqual(['kafka-1:9092', 'kafka-2:9092']);
  });

  it('lists every bad variable at once', () => {
    const load = () =>
      loadConfig(configSchema, {
        PORT: 'abc',
        MONGO_URL: 'http://db',
        KAFKA_BROKERS: 'no-port',
        KAFKA_TOPIC_PREFIX: 'has space',
        METRICS_CONSUMER_GROUP: '',
      });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const names = (error as ConfigError).problems.map((problem) => problem.split(':')[0]);
      expect(names).toEqual(
        expect.arrayContaining([
          'PORT',
          'MONGO_URL',
          'KAFKA_BROKERS.0',
          'KAFKA_TOPIC_PREFIX',
          'METRICS_CONSUMER_GROUP',
        ]),
      );
    }
  });
});
