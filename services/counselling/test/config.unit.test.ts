import { ConfigError, loadConfig } from '@grunderboost/service-kit';
import { configSchema, DEFAULT_COUNSELLOR_IDS } from '../src/config';

describe('counselling configuration', () => {
  it('has the documented defaults', () => {
    expect(loadConfig(configSchema, {})).toMatchObject({
      PORT: 3002,
      HOST: '127.0.0.1',
      MONGO_URL: 'mongodb://127.0.0.1:27017/grunderboost_counselling',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_TOPIC_PREFIX: '',
      COUNSELLOR_IDS: DEFAULT_COUNSELLOR_IDS,
    });
  });

  it('reads COUNSELLOR_IDS as a comma list, ignoring blanks', () => {
    const ids = ['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'];
    const config = loadConfig(configSchema, { COUNSELLOR_IDS: ` ${ids[0]} ,, ${ids[1]}` });
    expect(config.COUNSELLOR_IDS).toEqual(ids);
  });

  it.each([
    ['not a uuid', 'kari'],
    ['empty', ' , '],
    ['a repeated id', `${DEFAULT_COUNSELLOR_IDS[0]},${DEFAULT_COUNSELLOR_IDS[0]}`],
  ])('refuses COUNSELLOR_IDS that is %s', (_case, raw) => {
    expect(() => loadConfig(configSchema, { COUNSELLOR_IDS: raw })).toThrow(ConfigError);
  });
});
