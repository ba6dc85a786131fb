import { ApplicationFailure } from '@temporalio/activity';
import type { AssignCounsellorResult, JourneyActivities } from './types';

export interface ActivityDependencies {
  /** Base URL of the counselling service, e.g. http://127.0.0.1:3002 */
  counsellingUrl: string;
  fetch?: typeof fetch;
}

/**
 * Activities call the owning service's API, never its database. Assignment is idempotent
 * per founder on the counselling side, so a retried activity never assigns twice.
 */
export function createActivities(deps: ActivityDependencies): JourneyActivities {
  const call = deps.fetch ?? fetch;
  return {
    async assignCounsellor(input) {
      const response = await call(`${deps.counsellingUrl}/assignments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
        signal: AbortSignal.timeout(8_000),
      });
      const body = (await response.json().catch(() => ({}))) as Partial<AssignCounsellorResult> & {
        detail?: string;
      };
      if (response.status >= 400 && response.status < 500) {
        // A 4xx will not change on retry: fail the activity for good.
        throw ApplicationFailure.nonRetryable(
          `counselling refused the assignment (${response.status}): ${body.detail ?? 'no detail'}`,
          'AssignmentRefused',
        );
      }
      if (!response.ok || body.counsellorId === undefined || body.assignmentId === undefined) {
        throw new Error(`counselling answered ${response.status}; will retry`);
      }
      return { assignmentId: body.assignmentId, counsellorId: body.counsellorId };
    },
  };
}
