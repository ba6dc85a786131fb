// The founder's journey. Deterministic code only: no I/O, no clocks, no Node built-ins.
import {
  condition,
  defineQuery,
  defineSignal,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { JourneyActivities } from '../activities/types';

export interface ApplicationSubmittedSignal {
  eventId: string;
  founderId: string;
  applicationId: string;
}

export type JourneyStage = 'submitted' | 'assigned';

export interface JourneyState {
  founderId: string;
  stage: JourneyStage;
  applicationId?: string;
  counsellorId?: string;
  /** Event ids already applied: the bridge may deliver a signal more than once. */
  seenEventIds: string[];
}

export const applicationSubmitted =
  defineSignal<[ApplicationSubmittedSignal]>('applicationSubmitted');
export const journeyStateQuery = defineQuery<JourneyState>('state');

const { assignCounsellor } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '10 seconds',
  retry: {
    initialInterval: '200 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
  },
});

/**
 * Workflow id `FounderJourney:<founderId>`, started by the bridge with signal-with-start.
 * The walking skeleton covers submitted → assigned; later stages come with the journey issue.
 */
export async function founderJourney(input: { founderId: string }): Promise<void> {
  const state: JourneyState = { founderId: input.founderId, stage: 'submitted', seenEventIds: [] };
  const submissions: ApplicationSubmittedSignal[] = [];

  setHandler(journeyStateQuery, () => state);
  setHandler(applicationSubmitted, (signal) => {
    if (state.seenEventIds.includes(signal.eventId)) return;
    state.seenEventIds.push(signal.eventId);
    submissions.push(signal);
  });

  await condition(() => submissions.length > 0);
  const first = submissions[0];
  if (first === undefined) return;
  state.applicationId = first.applicationId;
  const assignment = await assignCounsellor({
    founderId: input.founderId,
    applicationId: first.applicationId,
  });
  state.counsellorId = assignment.counsellorId;
  state.stage = 'assigned';

  // The journey goes on (sessions, registration, follow-ups) in later issues; until then
  // it waits, answering queries, so a returning founder finds the same journey.
  await condition(() => false);
}
