import {
  followUpMonths,
  fundingSources,
  registrationStatuses,
  revenueBands,
} from '@grunderboost/contracts';
import { z } from 'zod';
import { listStates } from './schemas';

export const followUpSchema = z.object({
  followUpId: z.uuid(),
  founderId: z.uuid(),
  monthsAfterRegistration: z.literal(followUpMonths),
  registeredOn: z.iso.date(),
  dueAt: z.iso.datetime(),
  status: z.enum(listStates).describe('overdue: open and not answered N days after dueAt'),
  openedAt: z.iso.datetime(),
  answers: z
    .object({
      stillOperating: z.boolean(),
      employeesFte: z.number(),
      revenueBand: z.enum(revenueBands),
      hiresFromUnemployment: z.number().int(),
      fundingObtained: z.array(z.enum(fundingSources)),
    })
    .optional(),
  answeredAt: z.iso.datetime().optional(),
  erasedAt: z.iso.datetime().optional(),
});

export const openedFollowUpSchema = followUpSchema.extend({
  surveyLink: z.url().describe("The founder's personal, expiring link to the survey"),
  linkToken: z.string().describe('The token of that link (query `token` or header founder-token)'),
});

export const followUpPageSchema = z.object({
  items: z.array(followUpSchema),
  nextCursor: z.string().nullable(),
});

export const verificationSchema = z.object({
  verificationId: z.uuid(),
  founderId: z.uuid(),
  followUpId: z.uuid().optional(),
  organisationNumber: z.string().optional().describe('Absent once the founder was erased'),
  status: z.enum(registrationStatuses),
  registeredOn: z.iso.date().optional(),
  deletedOn: z.iso.date().optional(),
  organisationFormCode: z.string().optional(),
  naceCode: z.string().optional(),
  checkedAt: z.iso.datetime(),
});
