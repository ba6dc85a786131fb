import { writeOrCheckOpenApi } from '@grunderboost/service-kit';
import { OPENAPI_FILE } from '../scripts/generate-openapi';
import { metricsOpenApi } from '../src/http/api-description';

describe('the OpenAPI document', () => {
  it('is committed as generated (run `pnpm --filter @grunderboost/metrics openapi`)', () => {
    expect(() => writeOrCheckOpenApi(metricsOpenApi(), OPENAPI_FILE, 'check')).not.toThrow();
  });

  it('describes every endpoint an analyst calls', () => {
    expect(Object.keys(metricsOpenApi().paths as Record<string, unknown>)).toEqual([
      '/metrics/summary',
      '/metrics/funnel',
      '/metrics/outcomes',
      '/statistics/population',
      '/statistics/jobs',
      '/indicators/naeringsvekst',
      '/indicators/internasjonale-drammen',
    ]);
  });

  it('documents CSV beside JSON wherever ?format=csv or Accept: text/csv gives CSV', () => {
    type Paths = Record<string, { get?: { responses: Record<string, { content?: object }> } }>;
    const paths = metricsOpenApi().paths as Paths;
    const csvPaths = Object.keys(paths).filter((path) =>
      Object.keys(paths[path]?.get?.responses['200']?.content ?? {}).includes('text/csv'),
    );
    expect(csvPaths).toEqual([
      '/metrics/funnel',
      '/metrics/outcomes',
      '/indicators/naeringsvekst',
      '/indicators/internasjonale-drammen',
    ]);
  });
});
