import { baseConfigSchema, loadConfig } from '@grunderboost/service-kit';
import { DEVELOPMENT_LOCAL_SECRET, staffAuthConfigSchema, usesDevelopmentSecret } from '../src';

describe('staffAuthConfigSchema', () => {
  it('defaults to the local issuer with HS256 and the development secret', () => {
    const config = loadConfig(staffAuthConfigSchema, {});
    expect(config).toEqual({
      AUTH_ISSUER: 'grunderboost-local',
      AUTH_AUDIENCE: 'grunderboost',
      AUTH_ALGORITHMS: ['HS256'],
      AUTH_LOCAL_SECRET: DEVELOPMENT_LOCAL_SECRET,
      AUTH_JWKS_URL: undefined,
    });
    expect(usesDevelopmentSecret(config)).toBe(true);
  });

  it('reads a comma list of algorithms and an OIDC key set URL', () => {
    const config = loadConfig(staffAuthConfigSchema, {
      AUTH_ALGORITHMS: ' RS256, ES256 ',
      AUTH_JWKS_URL: 'https://login.example.no/jwks',
    });
    expect(config.AUTH_ALGORITHMS).toEqual(['RS256', 'ES256']);
    expect(config.AUTH_JWKS_URL).toBe('https://login.example.no/jwks');
    expect(usesDevelopmentSecret(config)).toBe(false);
  });

  it.each(['none', 'HS256,none', 'NONE'])('refuses alg %s, saying why', (algorithms) => {
    expect(() => loadConfig(staffAuthConfigSchema, { AUTH_ALGORITHMS: algorithms })).toThrow(
      /'none' is never allowed/,
    );
  });

  it('refuses unknown algorithms and an empty list', () => {
    expect(() => loadConfig(staffAuthConfigSchema, { AUTH_ALGORITHMS: 'HS1' })).toThrow(
      /AUTH_ALGORITHMS/,
    );
    expect(() => loadConfig(staffAuthConfigSchema, { AUTH_ALGORITHMS: ' , ' })).toThrow(
      /at least one algorithm/,
    );
  });

  it('refuses a short secret without printing it', () => {
    const attempt = () => loadConfig(staffAuthConfigSchema, { AUTH_LOCAL_SECRET: 'hunter2' });
    expect(attempt).toThrow(/AUTH_LOCAL_SECRET: expected at least 32 characters/);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it('takes an empty AUTH_JWKS_URL as unset and refuses one that is not http(s)', () => {
    expect(loadConfig(staffAuthConfigSchema, { AUTH_JWKS_URL: '' }).AUTH_JWKS_URL).toBeUndefined();
    expect(() => loadConfig(staffAuthConfigSchema, { AUTH_JWKS_URL: 'file:///etc/jwks' })).toThrow(
      /AUTH_JWKS_URL/,
    );
  });

  it("merges into a service's schema", () => {
    const schema = baseConfigSchema.extend(staffAuthConfigSchema.shape);
    const config = loadConfig(schema, { PORT: '8080', AUTH_AUDIENCE: 'intake' });
    expect(config).toMatchObject({
      PORT: 8080,
      AUTH_AUDIENCE: 'intake',
      AUTH_ISSUER: 'grunderboost-local',
    });
  });
});
