import { writeOrCheckOpenApi } from '@grunderboost/service-kit';
import { OPENAPI_FILE } from '../scripts/generate-openapi';
import { partnersOpenApi } from '../src/http/api-description';

describe('the OpenAPI document', () => {
  it('is committed as generated (run `pnpm --filter @grunderboost/partners openapi`)', () => {
    expect(() => writeOrCheckOpenApi(partnersOpenApi(), OPENAPI_FILE, 'check')).not.toThrow();
  });

  it('describes every endpoint a partner or an admin calls', () => {
    const paths = Object.keys(partnersOpenApi().paths as Record<string, unknown>);
    expect(paths.sort()).toEqual([
      '/deliveries',
      '/partners',
      '/partners/{partnerId}',
      '/partners/{partnerId}/agreement',
      '/partners/{partnerId}/keys',
      '/partners/{partnerId}/keys/{keyId}',
      '/replays',
      '/subscriptions',
      '/subscriptions/{subscriptionId}',
      '/subscriptions/{subscriptionId}/webhook',
    ]);
  });

  it('documents the 404 of a replay for a subscription the caller does not have', () => {
    type Paths = Record<string, { post?: { responses: Record<string, unknown> } }>;
    const replay = (partnersOpenApi().paths as Paths)['/replays']?.post;
    expect(Object.keys(replay?.responses ?? {})).toContain('404');
  });
});
