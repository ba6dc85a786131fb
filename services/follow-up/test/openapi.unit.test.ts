import { writeOrCheckOpenApi } from '@grunderboost/service-kit';
import { followUpOpenApi } from '../src/http/api-description';
import { OPENAPI_FILE } from '../scripts/generate-openapi';

describe('the OpenAPI document', () => {
  it('is committed as generated (run `pnpm --filter @grunderboost/follow-up openapi`)', () => {
    expect(() => writeOrCheckOpenApi(followUpOpenApi(), OPENAPI_FILE, 'check')).not.toThrow();
  });

  it('describes every endpoint the journey, staff and founders call', () => {
    const document = followUpOpenApi() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths).sort()).toEqual([
      '/follow-ups',
      '/follow-ups/{id}',
      '/follow-ups/{id}/answers',
      '/verifications',
      '/verifications/{founderId}',
    ]);
    expect(Object.keys(document.paths['/follow-ups'] ?? {}).sort()).toEqual(['get', 'post']);
  });
});
