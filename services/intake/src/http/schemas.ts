import {
  applicationStages,
  focusAreas,
  founderNeeds,
  organisationForms,
  partnerCategories,
  referralSources,
  triageDecisions,
} from '@grunderboost/contracts';
import { z } from 'zod';
import { currentMunicipalityNumber } from '../domain/municipalities';
import {
  isValidOrganisationNumber,
  normaliseOrganisationNumber,
} from '../domain/organisation-number';

/**
 * Request schemas. Objects are strict: an unknown field is a client mistake worth reporting, not
 * something to drop. Texts refuse control characters (they break e-mails, logs and CSV exports).
 */
// The control characters (Unicode Cc: C0, DEL and C1) spelled out as ranges rather than as
// \p{Cc}: the patterns go into the OpenAPI document, and property escapes are not portable JSON
// Schema (Python's re, behind schemathesis and many client generators, has none).
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const NO_CONTROL = /^[^\u0000-\u001F\u007F-\u009F]*$/u;
// eslint-disable-next-line no-control-regex -- as above, tab and line breaks let through
const NO_CONTROL_MULTILINE = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$/u;

const text = (max: number) => z.string().trim().min(1).max(max).regex(NO_CONTROL);

export const contactSchema = z.strictObject({
  name: text(200),
  email: z.email().max(254),
  phone: z
    .string()
    .regex(/^\+?[0-9][0-9 ()-]{4,29}$/)
    .optional(),
});

const textVersion = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/);
const consentSchema = z.strictObject({ granted: z.boolean(), textVersion });

const sharingSchema = z.strictObject(
  Object.fromEntries(partnerCategories.map((c) => [c, consentSchema.optional()])) as Record<
    (typeof partnerCategories)[number],
    z.ZodOptional<typeof consentSchema>
  >,
);

export const consentsSchema = z.strictObject({
  processing: consentSchema,
  statistics: consentSchema,
  background: consentSchema.optional(),
  sharing: sharingSchema.default({}),
});

const organisationNumber = z
  .string()
  .max(20)
  .transform(normaliseOrganisationNumber)
  .refine(isValidOrganisationNumber, 'expected 9 digits with a valid MOD11 check digit');

const businessStartedOn = z.iso
  .date()
  .refine((day) => Date.parse(day) <= Date.now(), 'the date is in the future');

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, 'each value at most once');

/** The fields a founder fills in; `languages` are those of the message catalogue. */
function detailsShape(languages: readonly [string, ...string[]]) {
  return {
    contact: contactSchema,
    language: z.enum(languages),
    // Older numbers (2020 and earlier reforms) are mapped to the 2024 numbering here, once.
    municipality: z
      .string()
      .regex(/^\d{4}$/)
      .transform(currentMunicipalityNumber),
    idea: z.string().trim().min(1).max(4000).regex(NO_CONTROL_MULTILINE),
    sector: z.string().regex(/^[A-U]$/),
    focusArea: z.enum(focusAreas),
    stage: z.enum(applicationStages),
    organisationForm: z.enum(organisationForms),
    organisationNumber: organisationNumber.optional(),
    businessStartedOn: businessStartedOn.optional(),
    needs: uniqueList(z.enum(founderNeeds), founderNeeds.length),
    referralSource: z.enum(referralSources),
  };
}

export function applicationRequestSchema(languages: readonly [string, ...string[]]) {
  return z.strictObject({
    ...detailsShape(languages),
    needs: detailsShape(languages).needs.default([]),
    consents: consentsSchema,
    background: z.strictObject({ immigrantBackground: z.boolean() }).optional(),
  });
}

/** No defaults here: a field left out of a change keeps its value. */
export function applicationChangeSchema(languages: readonly [string, ...string[]]) {
  return z
    .strictObject(detailsShape(languages))
    .partial()
    .refine((change) => Object.keys(change).length > 0, 'change at least one field');
}

const code = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(64);

export const triageRequestSchema = z.strictObject({
  decision: z.enum(triageDecisions),
  reasonCodes: uniqueList(code, 10).min(1),
  referredTo: code.optional(),
});

export const consentChangeSchema = z
  .strictObject({
    consent: z.enum(['processing', 'statistics', 'background', 'sharing']),
    partnerCategory: z.enum(partnerCategories).optional(),
    granted: z.boolean(),
    textVersion,
  })
  .refine((c) => (c.consent === 'sharing') === (c.partnerCategory !== undefined), {
    message: 'partnerCategory is given exactly when consent is sharing',
    path: ['partnerCategory'],
  });

export const withdrawalSchema = z.strictObject({ reasonCode: code.optional() });

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const FOUNDER_TOKEN_HEADER = 'founder-token';

/** Headers are parsed as an object, so a bad key is reported under the header's name. */
export const idempotencyHeaderSchema = z.object({
  [IDEMPOTENCY_KEY_HEADER]: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'expected 1–200 characters of A–Z, a–z, 0–9, _ or -')
    .optional(),
});

export const applicationParamsSchema = z.object({ id: z.uuid() });

/** A founder's link token travels as ?token= (a clickable link) or the founder-token header. */
export const founderTokenQuerySchema = z.object({ token: z.string().max(2048).optional() });
