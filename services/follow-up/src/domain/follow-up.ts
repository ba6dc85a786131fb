import type { followUpMonths, fundingSources, revenueBands } from '@grunderboost/contracts';

export type FollowUpMonth = (typeof followUpMonths)[number];
export type RevenueBand = (typeof revenueBands)[number];
export type FundingSource = (typeof fundingSources)[number];

/** What the founder answers in the short survey. */
export interface SurveyAnswers {
  stillOperating: boolean;
  /** Full-time equivalents including the founder; 1.5 is one full-time and one half-time. */
  employeesFte: number;
  revenueBand: RevenueBand;
  hiresFromUnemployment: number;
  /** Empty when no funding was obtained. */
  fundingSources: FundingSource[];
}

/** Stored status; "overdue" is not stored but derived on read (see stateOf). */
export type FollowUpStatus = 'open' | 'answered' | 'erased';

/** One follow-up of one founder at one milestone after the company's registration. */
export interface FollowUp {
  followUpId: string;
  founderId: string;
  monthsAfterRegistration: FollowUpMonth;
  /** The date the company was registered (YYYY-MM-DD), from which the milestone is counted. */
  registeredOn: string;
  dueAt: Date;
  status: FollowUpStatus;
  answers?: SurveyAnswers;
  answeredAt?: Date;
  openedAt: Date;
  erasedAt?: Date;
  version: number;
}

export type FollowUpState = FollowUpStatus | 'overdue';

const DAY_MS = 86_400_000;

/**
 * The milestone's date: registeredOn plus the months, on the same day of the month, or on the
 * month's last day when it has fewer days (31 January + 3 months is 30 April).
 */
export function dueDate(registeredOn: string, months: number): Date {
  const [year, month, day] = registeredOn.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/** Overdue: still open on or after the end of the grace period that starts when it fell due. */
export function isOverdue(followUp: FollowUp, now: Date, overdueAfterDays: number): boolean {
  return (
    followUp.status === 'open' &&
    now.getTime() >= followUp.dueAt.getTime() + overdueAfterDays * DAY_MS
  );
}

/** The status a reader sees: overdue is computed at read time, so it is never stale. */
export function stateOf(followUp: FollowUp, now: Date, overdueAfterDays: number): FollowUpState {
  return isOverdue(followUp, now, overdueAfterDays) ? 'overdue' : followUp.status;
}

export type AnswerResult =
  { ok: true; followUp: FollowUp } | { ok: false; reason: 'already-answered' | 'erased' };

/** A survey is answered once; an overdue follow-up may still be answered (late is better). */
export function answer(followUp: FollowUp, answers: SurveyAnswers, now: Date): AnswerResult {
  if (followUp.status === 'answered') return { ok: false, reason: 'already-answered' };
  if (followUp.status === 'erased') return { ok: false, reason: 'erased' };
  return {
    ok: true,
    followUp: { ...followUp, status: 'answered', answers, answeredAt: now },
  };
}

/** Erasure keeps the milestone skeleton (no personal data) and drops the answers. */
export function erase(followUp: FollowUp, now: Date): FollowUp {
  const { answers: _answers, answeredAt: _answeredAt, ...rest } = followUp;
  return { ...rest, status: 'erased', erasedAt: now };
}
