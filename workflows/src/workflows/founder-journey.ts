// The founder's journey. Deterministic code only: no I/O, no clocks, no Node built-ins.
import {
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { JourneyActivities, NotificationKind } from '../activities/types';
import {
  DEFAULT_TIMINGS,
  applyEvent,
  initialState,
  type JourneyStage,
  type JourneyState,
  type JourneyTimings,
} from './journey-model';
import { applicationSubmitted, journeyEvent, journeyStateQuery } from './journey-signals';
import { addMonths, addWorkingDays } from './working-days';

export * from './journey-signals';
export type { JourneyEvent, JourneyStage, JourneyState, JourneyTimings } from './journey-model';

export interface JourneyInput {
  founderId: string;
  timings?: Partial<JourneyTimings>;
  /** Set by continue-as-new: the state the previous run ended with. */
  resume?: JourneyState;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** patched() id of the change from "assign on submission" to the staged journey. */
export const STAGED_JOURNEY_PATCH = 'staged-journey-assign-on-accepted';

const retry = {
  initialInterval: '200 milliseconds',
  backoffCoefficient: 2,
  maximumInterval: '30 seconds',
};
const { assignCounsellor, publishStageChanged } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '10 seconds',
  retry,
});
const { sendNotification } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30 seconds',
  retry,
});

/**
 * Workflow id `FounderJourney:<founderId>`, started by the bridge with signal-with-start.
 * submitted → triaged → assigned → first-session-booked → in-counselling → company-registered →
 * follow-up → closed, or withdrawn / declined on the way.
 */
export async function founderJourney(input: JourneyInput): Promise<JourneyState> {
  const timings: JourneyTimings = { ...DEFAULT_TIMINGS, ...input.timings };
  const state = input.resume ?? initialState(input.founderId, Date.now());
  const journey = new Journey(state, timings);
  setHandler(journeyStateQuery, () => state);
  setHandler(journeyEvent, (event) => void applyEvent(state, event, Date.now()));
  setHandler(applicationSubmitted, (signal) => {
    // The skeleton's signal carries no codes; the journey event with them usually follows.
    applyEvent(state, { ...signal, kind: 'activity' }, Date.now());
    state.facts.applicationId ??= signal.applicationId;
  });

  if (input.resume !== undefined) return journey.followUps(input);
  if (!patched(STAGED_JOURNEY_PATCH)) return journey.legacy();
  return journey.run(input);
}

class Journey {
  constructor(
    private readonly state: JourneyState,
    private readonly timings: JourneyTimings,
  ) {}

  private get facts() {
    return this.state.facts;
  }

  private ended(): boolean {
    return this.facts.withdrawn || this.facts.caseClosedReason !== undefined;
  }

  async run(input: JourneyInput): Promise<JourneyState> {
    await condition(() => this.facts.applicationId !== undefined || this.facts.withdrawn);
    await this.moveTo('submitted');
    await condition(() => this.facts.decision !== undefined || this.facts.withdrawn);
    if (this.facts.withdrawn) return this.finish('withdrawn');
    await this.moveTo('triaged', this.facts.decision);
    if (this.facts.decision === 'declined') return this.finish('declined');
    if (this.facts.decision === 'referred') return this.finish('closed', 'referred');
    await this.assign();
    return this.afterAssignment(input);
  }

  /** The walking skeleton's journey, kept so that its histories replay unchanged. */
  async legacy(): Promise<JourneyState> {
    await condition(() => this.facts.applicationId !== undefined);
    const applicationId = this.facts.applicationId ?? '';
    const assignment = await assignCounsellor({ founderId: this.state.founderId, applicationId });
    this.facts.counsellorId = assignment.counsellorId;
    this.state.stage = 'assigned';
    // The skeleton then waited for good; such a journey goes on once a later event arrives.
    const seen = this.state.seenEventIds.length;
    await condition(() => this.state.seenEventIds.length > seen);
    return this.afterAssignment({ founderId: this.state.founderId });
  }

  private async assign(): Promise<void> {
    const assignment = await assignCounsellor({
      founderId: this.state.founderId,
      applicationId: this.facts.applicationId ?? '',
      language: this.facts.language,
      sector: this.facts.sector,
    });
    this.facts.counsellorId = assignment.counsellorId;
    await this.moveTo('assigned');
  }

  private async afterAssignment(input: JourneyInput): Promise<JourneyState> {
    if (!(await this.firstSession())) return this.finishEnded();
    if (!(await this.counselling())) return this.finishEnded();
    await this.moveTo('company-registered');
    this.state.registeredAt = Date.now();
    return this.followUps(input);
  }

  /** SLA: a reminder, then an escalation, while no first session is booked. False: ended. */
  private async firstSession(): Promise<boolean> {
    const assignedAt = Date.now();
    const booked = () => this.facts.sessionBooked || this.ended();
    const remindAt = addWorkingDays(assignedAt, this.timings.firstSessionReminderWorkingDays);
    if (!(await condition(booked, Math.max(1, remindAt - Date.now())))) {
      await this.notify('first-session-reminder', 'founder');
      const escalateAt = addWorkingDays(assignedAt, this.timings.firstSessionEscalationWorkingDays);
      if (!(await condition(booked, Math.max(1, escalateAt - Date.now())))) {
        await this.notify('first-session-escalation', 'lead', {
          workingDays: String(this.timings.firstSessionEscalationWorkingDays),
        });
        await condition(booked);
      }
    }
    if (this.ended()) return false;
    await this.moveTo('first-session-booked');
    return true;
  }

  /** Sessions until the company is registered; a check-in, then closing, when all goes quiet. */
  private async counselling(): Promise<boolean> {
    const progress = () => this.facts.companyRegistered || this.ended();
    for (;;) {
      if (this.facts.sessionHeld && this.state.stage === 'first-session-booked') {
        await this.moveTo('in-counselling');
      }
      if (progress()) return !this.ended();
      const since = this.facts.lastActivityAt;
      const quiet = since + this.timings.inactivityCheckInDays * DAY_MS - Date.now();
      const moved = () => progress() || this.facts.lastActivityAt !== since;
      if (await condition(moved, Math.max(1, quiet))) continue;
      await this.notify('inactivity-check-in', 'founder', {
        days: String(this.timings.closeAfterCheckInDays),
      });
      const grace = this.timings.closeAfterCheckInDays * DAY_MS;
      if (!(await condition(moved, grace))) {
        this.facts.caseClosedReason = 'no-activity';
        return false;
      }
    }
  }

  /** Follow-ups at the scheduled months; continue-as-new after each keeps the history small. */
  async followUps(input: JourneyInput): Promise<JourneyState> {
    const schedule = this.timings.followUpMonths;
    const registeredAt = this.state.registeredAt ?? Date.now();
    const index = this.state.nextFollowUp;
    const month = schedule[index];
    if (month === undefined) return this.finish('closed', 'follow-ups-done');
    await sleep(Math.max(1, addMonths(registeredAt, month) - Date.now()));
    if (this.facts.withdrawn) return this.finish('withdrawn');
    if (this.state.stage !== 'follow-up') await this.moveTo('follow-up');
    await this.notify('follow-up', 'founder', { months: String(month) });
    this.state.nextFollowUp = index + 1;
    return continueAsNew<typeof founderJourney>({ ...input, resume: this.state });
  }

  private finishEnded(): Promise<JourneyState> {
    if (this.facts.withdrawn) return this.finish('withdrawn');
    return this.finish('closed', this.facts.caseClosedReason);
  }

  private async finish(stage: JourneyStage, reasonCode?: string): Promise<JourneyState> {
    await this.moveTo(stage, reasonCode);
    return this.state;
  }

  private async notify(
    kind: NotificationKind,
    recipient: 'founder' | 'lead',
    params?: Record<string, string>,
  ): Promise<void> {
    const sequence = this.state.sent[kind] ?? 0;
    this.state.sent[kind] = sequence + 1;
    await sendNotification({
      key: `${workflowInfo().workflowId}:${kind}:${sequence}`,
      kind,
      recipient,
      founderId: this.state.founderId,
      applicationId: this.facts.applicationId ?? '',
      params,
    });
  }

  private async moveTo(to: JourneyStage, reasonCode?: string): Promise<void> {
    const from = this.state.timeline.length === 0 ? null : this.state.stage;
    const changedAt = new Date(Date.now()).toISOString();
    this.state.stage = to;
    this.state.timeline.push({ stage: to, at: changedAt, ...(reasonCode ? { reasonCode } : {}) });
    upsertSearchAttributes(this.searchAttributes());
    await publishStageChanged({
      eventId: uuid4(),
      founderId: this.state.founderId,
      from,
      to,
      changedAt,
      ...(reasonCode ? { reasonCode } : {}),
    });
  }

  private searchAttributes(): Record<string, string[]> {
    const facts = this.facts;
    const values: Record<string, string | undefined> = {
      JourneyStage: this.state.stage,
      CounsellorId: facts.counsellorId,
      Municipality: facts.municipality,
      FocusArea: facts.focusArea,
    };
    return Object.fromEntries(
      Object.entries(values)
        .filter((entry): entry is [string, string] => entry[1] !== undefined)
        .map(([key, value]) => [key, [value]]),
    );
  }
}
