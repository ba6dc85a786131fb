import { z } from 'zod';
import { dateTime, uuid } from '../primitives';

/** Follow-ups happen at these months after the company was registered. */
export const followUpMonths = [3, 6, 12, 24, 36] as const;

/** Revenue in bands (NOK per year), not amounts: an exact figure could identify a small firm. */
export const revenueBands = ['none', 'under-1m', '1m-5m', '5m-20m', 'over-20m'] as const;

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
  reportedAt: dateTime(),
});

export type OutcomeReportedV1 = z.infer<typeof outcomeReportedV1Schema>;
