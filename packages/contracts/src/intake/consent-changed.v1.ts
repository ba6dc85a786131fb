import { z } from 'zod';
import { dateTime, uuid } from '../primitives';
import { consentKinds, partnerCategories } from './application-fields';

/**
 * A founder has given or withdrawn one consent. Consumers that act on consent (partner delivery,
 * statistics) must apply a withdrawal at once: it takes effect from `changedAt`.
 */
export const consentChangedV1Schema = z
  .object({
    applicationId: uuid(),
    founderId: uuid(),
    consent: z.enum(consentKinds),
    /** Only for `consent: 'sharing'`: which partner category the consent is about. */
    partnerCategory: z.enum(partnerCategories).optional(),
    granted: z.boolean(),
    /** Version of the consent text the founder saw, e.g. '2026-01'. */
    textVersion: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/),
    changedAt: dateTime(),
  })
  .refine((data) => (data.consent === 'sharing') === (data.partnerCategory !== undefined), {
    message: 'partnerCategory is given exactly when consent is sharing',
    path: ['partnerCategory'],
  });

export type ConsentChangedV1 = z.infer<typeof consentChangedV1Schema>;
