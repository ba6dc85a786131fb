/** Which rule chose the counsellor; the only rule of the skeleton. */
export const LOWEST_LOAD = 'lowest-load';

export interface Assignment {
  assignmentId: string;
  founderId: string;
  applicationId: string;
  counsellorId: string;
  reasonCode: string;
  assignedAt: Date;
}

export interface AssignmentRequest {
  founderId: string;
  applicationId: string;
}

export interface CounsellorLoad {
  counsellorId: string;
  openCases: number;
}

/**
 * The counsellor with the fewest open cases; ties go to the smallest id, so the choice is
 * deterministic and the same for every instance. Undefined when there is nobody to choose.
 */
export function leastLoaded(loads: readonly CounsellorLoad[]): string | undefined {
  let best: CounsellorLoad | undefined;
  for (const load of loads) {
    if (
      best === undefined ||
      load.openCases < best.openCases ||
      (load.openCases === best.openCases && load.counsellorId < best.counsellorId)
    ) {
      best = load;
    }
  }
  return best?.counsellorId;
}

/** Ids and time are given, so the same input always makes the same assignment. */
export function newAssignment(
  request: AssignmentRequest,
  counsellorId: string,
  assignmentId: string,
  now: Date,
): Assignment {
  return {
    assignmentId,
    founderId: request.founderId,
    applicationId: request.applicationId,
    counsellorId,
    reasonCode: LOWEST_LOAD,
    assignedAt: now,
  };
}
