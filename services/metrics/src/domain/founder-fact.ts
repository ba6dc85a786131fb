/**
 * What the projection keeps per founder: the dimensions that only ApplicationSubmitted carries,
 * and which once-per-founder steps were already counted. Codes only, nothing identifying.
 */

export const DIMENSIONS = ['municipality', 'focusArea', 'language', 'referralSource'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Funnel steps, counted once per founder in the cohort (month of application). */
export const FUNNEL_STEPS = [
  'applied',
  'accepted',
  'assigned',
  'firstSession',
  'companyRegistered',
  'operating12',
  'operating36',
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** Activity figures, counted in the period the event happened. */
export const ACTIVITY_METRICS = [
  'sessionsDelivered',
  'noShows',
  'jobsCreated',
  'fundingObtained',
  'timeToFirstSession',
] as const;
export type ActivityMetric = (typeof ACTIVITY_METRICS)[number];

export type Metric = FunnelStep | ActivityMetric | 'immigrantFounders';

export interface FounderFact {
  founderId: string;
  applicationId: string;
  municipality: string;
  focusArea: string;
  language: string;
  referralSource: string;
  submittedAt: Date;
  /** False when the founder said no to statistics: then only the all-founders cells count them. */
  statistics: boolean;
  /** Voluntary immigrant background, only ever true with the founder's explicit consent. */
  background: boolean;
  /** Once-per-founder figures already counted, each with the id of the event that counted it. */
  reached: Partial<Record<Metric, string>>;
  /** `<metric>|<period key>` pairs in which the founder is already counted as a founder. */
  seen: string[];
  /** Latest reported full-time equivalents, and at which follow-up month. */
  fte?: { value: number; months: number };
}
