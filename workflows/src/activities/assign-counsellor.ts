import { ApplicationFailure } from '@temporalio/activity';
import type { AssignCounsellorInput, AssignCounsellorResult } from './types';

/**
 * Calls the counselling API, never its database. Assignment is idempotent per founder on the
 * counselling side, so a retried activity never assigns twice.
 */
export function assignCounsellorActivity(counsellingUrl: string, call: typeof fetch) {
  return async (input: AssignCounsellorInput): Promise<AssignCounsellorResult> => {
    const response = await call(`${counsellingUrl}/assignments`, {
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
  };
}
