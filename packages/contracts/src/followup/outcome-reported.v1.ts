import { z } from 'zod';
import { dateTime, uuid } from '../primitives';

/** Follow-ups happen at these months after the company was registered. */
export const followUpMonths = [3, 6, 12, 24, 36] as const;

/** Revenue in bands (NOK per year), not amounts: an exact figure could identify a small firm. */
export const revenueBands = ['none', 'under-1m', '1m-5m', '5m-20m', 'over-20m'] as const;

/**
 * Where a founder's funding came from, as codes (added in v1 as an optional field: consumers that
 * know only `fundingObtained` keep working).
 */
export const fundingSources = [
  'innovation-norway-etablerertilskudd',
  'nav-etablering',
  'municipal-grant',
  'bank-loan',
  'equity',
  'crowdfunding',
  'other',
] as const;

/** A founder has answered a follow-up survey about how their company is doing. */
export const outcomeReportedV1Schema = z.object({
  followUpId: uuid(),
  founderId: uuid(),
  monthsAfterRegistration: z.literal(followUpMonths),
  stillOperating: z.boolean(),
  /** Full-time equivalents, including the founder; fractional for part-time positions. */
  employeesFte: z.number().nonnegative(),
  revenueBand: z.enum(revenueBands),
  /** Hires of people who were unemployed (the figure NAV asks the programme for). */
  hiresFromUnemployment: z.number().int().nonnegative(),
  fundingObtained: z.boolean(),
  /** The sources of the funding obtained; absent from producers before the field existed. */
  fundingSources: z.array(z.enum(fundingSources)).optional(),
  reportedAt: dateTime(),
});

export type OutcomeReportedV1 = z.infer<typeof outcomeReportedV1Schema>;
