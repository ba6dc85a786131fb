import { ConfigError, loadConfig } from '@grunderboost/service-kit';
import { configSchema } from '../src/config';

describe('configuration', () => {
  it("defaults to the real register's base URL and port 3004", () => {
    const config = loadConfig(configSchema, {});
    expect(config.BRREG_BASE_URL).toBe('https://data.brreg.no/enhetsregisteret/api');
    expect(config.PORT).toBe(3004);
    expect(config.OVERDUE_AFTER_DAYS).toBe(30);
  });

  it.each([
    ['BRREG_BASE_URL', 'ftp://example.org'],
    ['OVERDUE_AFTER_DAYS', '-1'],
    ['FOLLOW_UP_LINK_SECRET', 'short'],
    ['BRREG_MAX_ATTEMPTS', '0'],
  ])('refuses %s=%s at start', (name, value) => {
    expect(() => loadConfig(configSchema, { [name]: value })).toThrow(ConfigError);
  });
});
