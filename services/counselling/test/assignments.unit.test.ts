import { counsellingUseCases } from '../src/app/assignments';
import type { AssignmentStore, CounsellorStore } from '../src/app/ports';
import type { Assignment } from '../src/domain/assignment';

const TEAM = ['c-1', 'c-2', 'c-3'];

/** `raceWinner` pretends another instance assigned the founder first. */
function memoryAssignments(raceWinner?: Assignment): AssignmentStore {
  const byFounder = new Map<string, Assignment>();
  return {
    async create(assignment) {
      if (raceWinner !== undefined) {
        byFounder.set(assignment.founderId, raceWinner);
        return 'founder-already-assigned';
      }
      if (byFounder.has(assignment.founderId)) return 'founder-already-assigned';
      byFounder.set(assignment.founderId, assignment);
      return 'created';
    },
    findByFounder: async (founderId) => byFounder.get(founderId),
  };
}

/** `failLoadsOnce` makes the first read of the loads fail, as a lost database would. */
function memoryCounsellors(openCases: Map<string, number>, failLoadsOnce: boolean) {
  let failLoads = failLoadsOnce;
  const store: CounsellorStore = {
    register: async () => undefined,
    loads: async (counsellorIds) => {
      if (failLoads) {
        failLoads = false;
        throw new Error('database unavailable');
      }
      return counsellorIds.map((id) => ({ counsellorId: id, openCases: openCases.get(id) ?? 0 }));
    },
    addOpenCase: async (counsellorId) => {
      // Not atomic on purpose: only if the use case lets choices overlap are updates lost.
      const before = openCases.get(counsellorId) ?? 0;
      await new Promise((resolve) => setImmediate(resolve));
      openCases.set(counsellorId, before + 1);
    },
  };
  return store;
}

function setup(options: { raceWinner?: Assignment; failLoadsOnce?: boolean } = {}) {
  const openCases = new Map<string, number>();
  let nudges = 0;
  let ids = 0;
  const useCases = counsellingUseCases({
    assignments: memoryAssignments(options.raceWinner),
    counsellors: memoryCounsellors(openCases, options.failLoadsOnce ?? false),
    events: {
      assigned: (a) => ({ id: `e-${a.assignmentId}`, topic: 't', key: a.founderId, event: {} }),
      written: () => (nudges += 1),
    },
    counsellorIds: TEAM,
    newId: () => `as-${++ids}`,
    now: () => new Date('2025-03-01T10:00:00.000Z'),
  });
  return { useCases, openCases, nudges: () => nudges };
}

describe('assigning a counsellor', () => {
  it('assigns the least loaded counsellor, counts the case and wakes the relay', async () => {
    const { useCases, openCases, nudges } = setup();
    const outcome = await useCases.assign({ founderId: 'f-1', applicationId: 'a-1' });
    expect(outcome).toMatchObject({ created: true, assignment: { counsellorId: 'c-1' } });
    expect(openCases.get('c-1')).toBe(1);
    expect(nudges()).toBe(1);
  });

  it('returns the existing assignment for a founder and counts nothing more', async () => {
    const { useCases, openCases, nudges } = setup();
    const first = await useCases.assign({ founderId: 'f-1', applicationId: 'a-1' });
    const again = await useCases.assign({ founderId: 'f-1', applicationId: 'a-1' });
    expect(again).toEqual({ created: false, assignment: first.assignment });
    expect(openCases.get('c-1')).toBe(1);
    expect(nudges()).toBe(1);
  });

  it('answers with the winner of a lost race without counting a case', async () => {
    const winner: Assignment = {
      assignmentId: 'other',
      founderId: 'f-1',
      applicationId: 'a-1',
      counsellorId: 'c-3',
      reasonCode: 'lowest-load',
      assignedAt: new Date(),
    };
    const { useCases, openCases, nudges } = setup({ raceWinner: winner });
    const outcome = await useCases.assign({ founderId: 'f-1', applicationId: 'a-1' });
    expect(outcome).toEqual({ created: false, assignment: winner });
    expect([...openCases.values()]).toEqual([]);
    expect(nudges()).toBe(0);
  });

  it('spreads concurrent founders evenly and assigns a founder once under concurrency', async () => {
    const { useCases, openCases } = setup();
    const founders = Array.from({ length: 9 }, (_, index) => `f-${index}`);
    const outcomes = await Promise.all(
      [...founders, ...founders].map((founderId) =>
        useCases.assign({ founderId, applicationId: 'a' }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(9);
    expect(Object.fromEntries(openCases)).toEqual({ 'c-1': 3, 'c-2': 3, 'c-3': 3 });
  });

  it('keeps serving the queue after a failed assignment', async () => {
    const { useCases, openCases } = setup({ failLoadsOnce: true });
    const [failed, next] = await Promise.allSettled([
      useCases.assign({ founderId: 'f-1', applicationId: 'a-1' }),
      useCases.assign({ founderId: 'f-2', applicationId: 'a-2' }),
    ]);
    expect(failed).toMatchObject({ status: 'rejected' });
    expect(next).toMatchObject({ status: 'fulfilled', value: { created: true } });
    expect(Object.fromEntries(openCases)).toEqual({ 'c-1': 1 });
  });
});
