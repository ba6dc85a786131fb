import { applicationStages, focusAreas, referralSources } from '@grunderboost/contracts';
import { z } from 'zod';
import { guidanceLanguages } from '../domain/application';

/** Strict objects: an unknown field is a client mistake worth reporting, not something to drop. */
const contactSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254),
  phone: z
    .string()
    .regex(/^\+?[0-9][0-9 ()-]{4,29}$/, 'expected a phone number such as +47 912 34 567')
    .optional(),
});

export const applicationRequestSchema = z.strictObject({
  contact: contactSchema,
  municipality: z.string().regex(/^\d{4}$/, 'expected a 4-digit kommunenummer such as 3301'),
  focusArea: z.enum(focusAreas),
  sector: z.string().regex(/^[A-U]$/, 'expected a NACE section letter A–U'),
  stage: z.enum(applicationStages),
  language: z.enum(guidanceLanguages),
  referralSource: z.enum(referralSources),
});

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** Headers are parsed as an object, so a bad key is reported under the header's name. */
export const idempotencyHeaderSchema = z.object({
  [IDEMPOTENCY_KEY_HEADER]: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'expected 1–200 characters of A–Z, a–z, 0–9, _ or -')
    .optional(),
});

export const applicationParamsSchema = z.object({ id: z.uuid() });
