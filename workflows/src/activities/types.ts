export interface AssignCounsellorInput {
  founderId: string;
  applicationId: string;
  /** Preferred language and NACE section: counselling matches counsellors on them. */
  language?: string;
  sector?: string;
}

export interface AssignCounsellorResult {
  assignmentId: string;
  counsellorId: string;
}

export interface PublishStageChangedInput {
  /** Chosen by the workflow, so that a retried activity publishes the same event id. */
  eventId: string;
  founderId: string;
  from: string | null;
  to: string;
  changedAt: string;
  reasonCode?: string;
}

export type NotificationKind =
  | 'first-session-reminder'
  | 'first-session-escalation'
  | 'inactivity-check-in'
  | 'follow-up'
  | 'mentorship-check-in'
  | 'mentorship-survey';

export interface SendNotificationInput {
  /** `<workflowId>:<kind>:<sequence>`: the same notification always has the same key. */
  key: string;
  kind: NotificationKind;
  founderId: string;
  applicationId: string;
  /** The founder, or the lead counsellors (escalations). */
  recipient: 'founder' | 'lead';
  /** Template parameters (numbers and codes, never personal data). */
  params?: Record<string, string>;
}

export type SendNotificationResult =
  | { status: 'sent'; messageId: string }
  | { status: 'already-sent'; messageId: string }
  /** A crash between sending and recording left the outcome unknown: never sent again. */
  | { status: 'possibly-sent'; messageId: string }
  /** The founder's address is gone (erased) or was never given. */
  | { status: 'no-address' };

export interface JourneyActivities {
  assignCounsellor(input: AssignCounsellorInput): Promise<AssignCounsellorResult>;
  publishStageChanged(input: PublishStageChangedInput): Promise<void>;
  sendNotification(input: SendNotificationInput): Promise<SendNotificationResult>;
}
