import {
  leastLoaded,
  newAssignment,
  type Assignment,
  type AssignmentRequest,
} from '../domain/assignment';
import type { AssignmentEvents, AssignmentStore, CounsellorStore } from './ports';

export interface CounsellingDependencies {
  assignments: AssignmentStore;
  counsellors: CounsellorStore;
  events: AssignmentEvents;
  /** The counsellors who take new founders. */
  counsellorIds: readonly string[];
  newId: () => string;
  now: () => Date;
}

export interface AssignOutcome {
  /** False when the founder already had this assignment. */
  created: boolean;
  assignment: Assignment;
}

export interface CounsellingUseCases {
  assign(request: AssignmentRequest): Promise<AssignOutcome>;
  assignmentOf(founderId: string): Promise<Assignment | undefined>;
}

/**
 * Runs tasks one after another. Choosing by load reads the counts and writes them back later,
 * so concurrent requests would all see the same loads and pick the same counsellor; in one
 * instance they queue here instead. Across instances the unique index still guarantees one
 * assignment per founder; only the spread of load is then approximate.
 */
function serialised() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}

export function counsellingUseCases(deps: CounsellingDependencies): CounsellingUseCases {
  const queue = serialised();

  async function existing(founderId: string): Promise<AssignOutcome | undefined> {
    const assignment = await deps.assignments.findByFounder(founderId);
    return assignment === undefined ? undefined : { created: false, assignment };
  }

  async function assignNow(request: AssignmentRequest): Promise<AssignOutcome> {
    const earlier = await existing(request.founderId);
    if (earlier !== undefined) return earlier;
    const counsellorId = leastLoaded(await deps.counsellors.loads(deps.counsellorIds));
    if (counsellorId === undefined) {
      throw new Error('no counsellor is configured to take founders');
    }
    const assignment = newAssignment(request, counsellorId, deps.newId(), deps.now());
    const outcome = await deps.assignments.create(assignment, [deps.events.assigned(assignment)]);
    if (outcome === 'founder-already-assigned') {
      // Another instance won the race: its assignment stands, and only it counts the case.
      const winner = await existing(request.founderId);
      if (winner === undefined) {
        throw new Error(`founder ${request.founderId} reported assigned, but no assignment found`);
      }
      return winner;
    }
    deps.events.written();
    // Only after the insert succeeded, so a lost race never counts a case twice.
    await deps.counsellors.addOpenCase(counsellorId);
    return { created: true, assignment };
  }

  return {
    assign: (request) => queue(() => assignNow(request)),
    assignmentOf: (founderId) => deps.assignments.findByFounder(founderId),
  };
}
