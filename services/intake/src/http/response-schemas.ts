import { z } from 'zod';
import { applicationStatuses } from './search-schemas';

/**
 * What the handlers send, for the OpenAPI document. The component tests parse real responses
 * with these schemas, so the document cannot drift from the service's behaviour unnoticed.
 */
const isoTime = z.iso.datetime({ offset: true });

const consentRecord = z.object({ granted: z.boolean(), textVersion: z.string(), at: isoTime });

const consentsView = z.object({
  processing: consentRecord,
  statistics: consentRecord,
  background: consentRecord.optional(),
  sharing: z.record(z.string(), consentRecord),
});

const detailsView = z.object({
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().optional() }),
  language: z.string(),
  municipality: z.string(),
  idea: z.string(),
  sector: z.string(),
  focusArea: z.string(),
  stage: z.string(),
  organisationForm: z.string(),
  organisationNumber: z.string().optional(),
  businessStartedOn: z.string().optional(),
  needs: z.array(z.string()),
  referralSource: z.string(),
  background: z.object({ immigrantBackground: z.boolean() }).optional(),
});

const triageView = z.object({
  decision: z.enum(['accepted', 'referred', 'declined']),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
  referredTo: z.string().optional(),
  referredToText: z.string().optional(),
  decidedAt: isoTime,
  automatic: z.boolean(),
});

export const founderViewSchema = z.object({
  applicationId: z.uuid(),
  founderId: z.uuid().describe("The founder's id, which the other services know them by"),
  status: z.enum(applicationStatuses),
  statusText: z.string().describe("The status in the reader's language"),
  language: z.string(),
  direction: z.enum(['ltr', 'rtl']),
  submittedAt: isoTime,
  updatedAt: isoTime,
  editable: z.boolean(),
  triage: triageView.optional(),
  details: detailsView.optional().describe('Absent after erasure'),
  consents: consentsView.optional(),
});

export const createdSchema = founderViewSchema.extend({
  statusLink: z.url().describe("The founder's personal, expiring link to this application"),
  linkToken: z.string().describe('The token of that link, for the founder-token header'),
});

export const staffViewSchema = founderViewSchema.extend({
  findings: z.array(
    z.object({
      code: z.enum(['outside-region', 'business-too-old', 'duplicate']),
      duplicateOf: z.uuid().optional(),
      matchedOn: z.enum(['email', 'phone', 'organisation-number']).optional(),
    }),
  ),
  triagedBy: z.string().optional(),
  overrulesAutomatic: z.boolean().optional(),
  withdrawnAt: isoTime.optional(),
  erasedAt: isoTime.optional(),
  version: z.number().int(),
});

export const searchResultSchema = z.object({
  items: z.array(staffViewSchema),
  nextCursor: z.string().optional().describe('Pass as ?cursor= for the next page'),
});

export const exportSchema = z.object({
  founderId: z.uuid(),
  exportedAt: isoTime,
  applications: z.array(z.looseObject({ applicationId: z.uuid(), status: z.string() })),
  staffReads: z.array(z.looseObject({ at: isoTime, staffId: z.string(), action: z.string() })),
});

export const erasureSchema = z.object({ erasureId: z.uuid(), applicationIds: z.array(z.uuid()) });

export const languagesSchema = z.object({
  defaultLanguage: z.string(),
  languages: z.array(
    z.object({ language: z.string(), name: z.string(), direction: z.enum(['ltr', 'rtl']) }),
  ),
});
