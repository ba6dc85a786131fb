// A founder paired with a mentor for about six months: monthly check-ins, a closing survey.
import {
  condition,
  defineQuery,
  defineSignal,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { JourneyActivities, NotificationKind } from '../activities/types';
import { addMonths } from './working-days';

export interface MentorshipInput {
  founderId: string;
  applicationId: string;
  mentorId: string;
  /** Default 6. */
  months?: number;
}

export interface MentorshipState {
  founderId: string;
  mentorId: string;
  checkInsSent: number;
  status: 'running' | 'ended-early' | 'completed';
}

/** The pair ends early (the founder or mentor stops); the closing survey still goes out. */
export const endMentorship = defineSignal('endMentorship');
export const mentorshipStateQuery = defineQuery<MentorshipState>('mentorship');

const { sendNotification } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '200 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
  },
});

/** Workflow id `Mentorship:<founderId>`; six months fit one small history, no continue-as-new. */
export async function mentorship(input: MentorshipInput): Promise<MentorshipState> {
  const months = input.months ?? 6;
  const state: MentorshipState = {
    founderId: input.founderId,
    mentorId: input.mentorId,
    checkInsSent: 0,
    status: 'running',
  };
  let ended = false;
  setHandler(mentorshipStateQuery, () => state);
  setHandler(endMentorship, () => void (ended = true));
  const startedAt = Date.now();
  const notify = (kind: NotificationKind, sequence: number, params: Record<string, string>) =>
    sendNotification({
      key: `${workflowInfo().workflowId}:${kind}:${sequence}`,
      kind,
      recipient: 'founder',
      founderId: input.founderId,
      applicationId: input.applicationId,
      params,
    });

  for (let month = 1; month < months; month += 1) {
    const due = addMonths(startedAt, month) - Date.now();
    if (await condition(() => ended, Math.max(1, due))) break;
    await notify('mentorship-check-in', month, { month: String(month) });
    state.checkInsSent = month;
  }
  if (!ended) await condition(() => ended, Math.max(1, addMonths(startedAt, months) - Date.now()));
  state.status = ended ? 'ended-early' : 'completed';
  await notify('mentorship-survey', 0, { months: String(months) });
  return state;
}
