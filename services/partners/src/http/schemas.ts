import { partnerCategories } from '@grunderboost/contracts';
import { z } from 'zod';
import { deliverableTypes, shareableFields } from '../domain/partner';
import { filterDimensions } from '../domain/subscription';

export const partnerIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'expected lowercase letters, digits and hyphens');

export const agreementItemSchema = z
  .strictObject({
    eventType: z.enum(deliverableTypes),
    fields: z.array(z.string().max(64)).max(20),
  })
  .superRefine((item, ctx) => {
    const allowed: readonly string[] = shareableFields[item.eventType];
    item.fields.forEach((field, index) => {
      if (!allowed.includes(field)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', index],
          message: `not a shareable field of ${item.eventType}; allowed: ${allowed.join(', ')}`,
        });
      }
    });
  });

export const agreementSchema = z.strictObject({
  agreement: z
    .array(agreementItemSchema)
    .max(deliverableTypes.length)
    .refine(
      (items) => new Set(items.map((i) => i.eventType)).size === items.length,
      'expected each event type once',
    ),
});

export const newPartnerSchema = z.strictObject({
  partnerId: partnerIdSchema,
  name: z.string().trim().min(1).max(120),
  category: z.enum(partnerCategories),
  agreement: agreementSchema.shape.agreement.default([]),
});

export const partnerParamsSchema = z.object({ partnerId: partnerIdSchema });
export const keyParamsSchema = z.object({ partnerId: partnerIdSchema, keyId: z.uuid() });

export const newKeySchema = z
  .strictObject({
    /** Rotation: the partner's other keys stop working this many seconds from now. */
    graceSeconds: z
      .number()
      .int()
      .min(0)
      .max(30 * 86_400)
      .optional(),
  })
  .default({});

const code = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'expected a code');

export const subscriptionSchema = z.strictObject({
  eventTypes: z.array(z.enum(deliverableTypes)).min(1).max(deliverableTypes.length),
  filters: z
    .strictObject(
      Object.fromEntries(
        filterDimensions.map((dimension) => [dimension, z.array(code).min(1).max(50).optional()]),
      ) as Record<(typeof filterDimensions)[number], z.ZodOptional<z.ZodArray<typeof code>>>,
    )
    .default({}),
});

export const subscriptionParamsSchema = z.object({ subscriptionId: z.uuid() });

export const webhookSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, hostname: z.regexes.hostname })
    .max(2_000)
    .describe('Where signed deliveries are POSTed; http(s) only'),
});

export const replaySchema = z.strictObject({
  since: z.iso.datetime({ offset: true }),
  /** Only this subscription; all of the partner's when absent. */
  subscriptionId: z.uuid().optional(),
});

export const deliveriesQuerySchema = z.strictObject({
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
