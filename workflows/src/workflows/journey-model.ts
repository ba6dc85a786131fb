// The journey's state and the facts the bridge's signals establish. Pure, no Temporal imports.

export type JourneyStage =
  | 'submitted'
  | 'triaged'
  | 'assigned'
  | 'first-session-booked'
  | 'in-counselling'
  | 'company-registered'
  | 'follow-up'
  | 'closed'
  | 'withdrawn'
  | 'declined';

/** One Kafka event, translated by the bridge into what the journey needs (ids and codes only). */
export type JourneyEvent = { eventId: string } & (
  | {
      kind: 'submitted';
      applicationId: string;
      municipality: string;
      focusArea: string;
      language: string;
      sector: string;
    }
  | { kind: 'triaged'; applicationId: string; decision: 'accepted' | 'referred' | 'declined' }
  | { kind: 'withdrawn'; applicationId: string }
  | { kind: 'assigned'; counsellorId: string }
  | { kind: 'session-booked' }
  | { kind: 'session-held' }
  /** Rescheduled, cancelled, no-show, other milestones: activity that keeps the case alive. */
  | { kind: 'activity' }
  | { kind: 'company-registered' }
  | { kind: 'case-closed'; reasonCode: string }
);

export interface JourneyFacts {
  applicationId?: string;
  municipality?: string;
  focusArea?: string;
  language?: string;
  sector?: string;
  decision?: 'accepted' | 'referred' | 'declined';
  withdrawn: boolean;
  counsellorId?: string;
  sessionBooked: boolean;
  sessionHeld: boolean;
  companyRegistered: boolean;
  caseClosedReason?: string;
  /** Workflow time (ms) of the last event that shows the founder or counsellor at work. */
  lastActivityAt: number;
}

export interface TimelineEntry {
  stage: JourneyStage;
  at: string;
  reasonCode?: string;
}

export interface JourneyState {
  founderId: string;
  stage: JourneyStage;
  timeline: TimelineEntry[];
  facts: JourneyFacts;
  /** Event ids already applied (the latest ones): the bridge may deliver a signal twice. */
  seenEventIds: string[];
  /** Notifications sent so far per kind: the sequence number of the next one's key. */
  sent: Record<string, number>;
  /** Index of the next follow-up in the schedule, once the company is registered. */
  nextFollowUp: number;
  registeredAt?: number;
}

/** Every duration of the journey; the bridge passes them from its configuration. */
export interface JourneyTimings {
  firstSessionReminderWorkingDays: number;
  firstSessionEscalationWorkingDays: number;
  inactivityCheckInDays: number;
  closeAfterCheckInDays: number;
  followUpMonths: number[];
}

export const DEFAULT_TIMINGS: JourneyTimings = {
  firstSessionReminderWorkingDays: 10,
  firstSessionEscalationWorkingDays: 15,
  inactivityCheckInDays: 90,
  closeAfterCheckInDays: 30,
  followUpMonths: [3, 6, 12, 24, 36],
};

/** How many event ids the state keeps: enough for redeliveries, small for continue-as-new. */
const SEEN_LIMIT = 500;

export const isFinished = (stage: JourneyStage): boolean =>
  stage === 'closed' || stage === 'withdrawn' || stage === 'declined';

/** Applies one event to the facts; false when the event id was applied before. */
export function applyEvent(state: JourneyState, event: JourneyEvent, now: number): boolean {
  if (state.seenEventIds.includes(event.eventId)) return false;
  state.seenEventIds.push(event.eventId);
  if (state.seenEventIds.length > SEEN_LIMIT) state.seenEventIds.shift();
  const facts = state.facts;
  switch (event.kind) {
    case 'submitted':
      facts.applicationId ??= event.applicationId;
      facts.municipality = event.municipality;
      facts.focusArea = event.focusArea;
      facts.language = event.language;
      facts.sector = event.sector;
      break;
    case 'triaged':
      facts.decision ??= event.decision;
      facts.applicationId ??= event.applicationId;
      break;
    case 'withdrawn':
      facts.withdrawn = true;
      break;
    case 'assigned':
      facts.counsellorId = event.counsellorId;
      break;
    case 'session-booked':
      facts.sessionBooked = true;
      break;
    case 'session-held':
      facts.sessionBooked = true;
      facts.sessionHeld = true;
      break;
    case 'company-registered':
      facts.companyRegistered = true;
      break;
    case 'case-closed':
      facts.caseClosedReason = event.reasonCode;
      break;
    case 'activity':
      break;
  }
  facts.lastActivityAt = now;
  return true;
}

export function initialState(founderId: string, now: number): JourneyState {
  return {
    founderId,
    stage: 'submitted',
    timeline: [],
    facts: {
      withdrawn: false,
      sessionBooked: false,
      sessionHeld: false,
      companyRegistered: false,
      lastActivityAt: now,
    },
    seenEventIds: [],
    sent: {},
    nextFollowUp: 0,
  };
}
