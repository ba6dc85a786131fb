import { writeOrCheckOpenApi } from '@grunderboost/service-kit';
import { OPENAPI_FILE } from '../scripts/generate-openapi';
import { counsellingOpenApi } from '../src/http/api-description';

describe('the OpenAPI document', () => {
  it('is committed as generated (run `pnpm --filter @grunderboost/counselling openapi`)', () => {
    expect(() => writeOrCheckOpenApi(counsellingOpenApi(), OPENAPI_FILE, 'check')).not.toThrow();
  });

  it('describes every endpoint a user calls', () => {
    const paths = Object.keys(counsellingOpenApi().paths as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/assignments',
        '/caseload',
        '/caseloads',
        '/counsellors/{counsellorId}/leave',
        '/cases/{founderId}/slots',
        '/cases/{founderId}/appointments',
        '/appointments/{appointmentId}/complete',
        '/counsellors/{counsellorId}/calendar.ics',
      ]),
    );
  });
});
