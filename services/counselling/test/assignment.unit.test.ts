import { leastLoaded, newAssignment } from '../src/domain/assignment';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

describe('choosing a counsellor', () => {
  it('takes the one with the fewest open cases', () => {
    expect(
      leastLoaded([
        { counsellorId: A, openCases: 4 },
        { counsellorId: B, openCases: 2 },
        { counsellorId: C, openCases: 3 },
      ]),
    ).toBe(B);
  });

  it('breaks ties by the smallest id, whatever the order given', () => {
    expect(
      leastLoaded([
        { counsellorId: C, openCases: 1 },
        { counsellorId: B, openCases: 1 },
        { counsellorId: A, openCases: 2 },
      ]),
    ).toBe(B);
  });

  it('has nobody to choose from an empty team', () => {
    expect(leastLoaded([])).toBeUndefined();
  });
});

describe('a new assignment', () => {
  it('records the request, the counsellor, the rule and the time', () => {
    const now = new Date('2025-03-01T10:00:00.000Z');
    expect(newAssignment({ founderId: 'f', applicationId: 'a' }, A, 'as-1', now)).toEqual({
      assignmentId: 'as-1',
      founderId: 'f',
      applicationId: 'a',
      counsellorId: A,
      reasonCode: 'lowest-load',
      assignedAt: now,
    });
  });
});
