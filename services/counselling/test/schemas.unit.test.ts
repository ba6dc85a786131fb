import { assignmentRequestSchema } from '../src/http/schemas';

const founderId = '0b7c6f0e-3d1a-4c5e-9f2a-1b2c3d4e5f60';
const applicationId = '6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';

describe('assignment request', () => {
  it('accepts two uuids', () => {
    expect(assignmentRequestSchema.safeParse({ founderId, applicationId }).success).toBe(true);
  });

  it.each([
    ['a missing applicationId', { founderId }],
    ['a founderId that is no uuid', { founderId: 'kari', applicationId }],
    ['a number for a uuid', { founderId: 42, applicationId }],
    ['an unknown field', { founderId, applicationId, counsellorId: founderId }],
  ])('refuses %s', (_case, input) => {
    expect(assignmentRequestSchema.safeParse(input).success).toBe(false);
  });
});
