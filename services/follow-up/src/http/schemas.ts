import { followUpMonths, fundingSources, revenueBands } from '@grunderboost/contracts';
import { z } from 'zod';
import {
  isValidOrganisationNumber,
  normaliseOrganisationNumber,
} from '../domain/organisation-number';

export const FOUNDER_TOKEN_HEADER = 'founder-token';

/** More FTE than this is a typo in a start-up survey, not a company of the region's programme. */
export const MAX_EMPLOYEES_FTE = 10_000;
export const MAX_HIRES = 10_000;

export const openFollowUpSchema = z.strictObject({
  founderId: z.uuid(),
  monthsAfterRegistration: z.literal(followUpMonths),
  /** The company's registration date, from which the milestone is counted. */
  registeredOn: z.iso.date(),
});

export const answersSchema = z.strictObject({
  stillOperating: z.boolean(),
  employeesFte: z
    .number()
    .min(0)
    .max(MAX_EMPLOYEES_FTE)
    // Two decimals at most: 0.5 and 2.25 are positions, 1.3333333 is a computation.
    .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, {
      message: 'expected at most two decimals',
    }),
  revenueBand: z.enum(revenueBands),
  hiresFromUnemployment: z.number().int().min(0).max(MAX_HIRES),
  /** Sources of funding obtained; empty when none. */
  fundingObtained: z
    .array(z.enum(fundingSources))
    .max(fundingSources.length)
    .refine((list) => new Set(list).size === list.length, {
      message: 'expected each source once',
    }),
});

export const organisationNumberSchema = z
  .string()
  .max(20)
  .transform(normaliseOrganisationNumber)
  .refine(isValidOrganisationNumber, {
    message: 'expected a nine-digit organisation number with a valid MOD11 check digit',
  });

export const verifySchema = z.strictObject({
  founderId: z.uuid(),
  organisationNumber: organisationNumberSchema,
  followUpId: z.uuid().optional(),
});

export const followUpParamsSchema = z.object({ id: z.uuid() });
export const founderParamsSchema = z.object({ founderId: z.uuid() });

export const tokenQuerySchema = z.object({ token: z.string().max(4096).optional() });

export const listStates = ['open', 'overdue', 'answered', 'erased'] as const;

export const listQuerySchema = z.object({
  founderId: z.uuid().optional(),
  status: z.enum(listStates).optional(),
  /** overdue=true is status=overdue; kept as its own switch for the caseload board. */
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
