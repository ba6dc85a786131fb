import { writeOrCheckOpenApi } from '@grunderboost/service-kit';
import { intakeOpenApi, OPENAPI_FILE } from '../scripts/generate-openapi';

describe('the OpenAPI document', () => {
  it('is committed as generated (run `pnpm --filter @grunderboost/intake openapi`)', () => {
    expect(() => writeOrCheckOpenApi(intakeOpenApi(), OPENAPI_FILE, 'check')).not.toThrow();
  });

  it('describes every endpoint a founder or counsellor calls, with the language choice', () => {
    const document = intakeOpenApi() as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/applications',
        '/applications/{id}',
        '/applications/{id}/withdrawal',
        '/applications/{id}/triage',
        '/applications/{id}/consents',
        '/applications/{id}/export',
        '/applications/{id}/erasure',
        '/languages',
        '/statistics/background-count',
      ]),
    );
    const submit = document.paths['/applications']?.post;
    expect(submit?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['idempotency-key', 'accept-language']),
    );
  });

  it('uses only portable patterns (no \\p{…} property escapes, which fuzzers cannot generate from)', () => {
    expect(JSON.stringify(intakeOpenApi())).not.toMatch(/\\\\p\{/);
  });
});
