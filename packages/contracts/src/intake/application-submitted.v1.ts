import { z } from 'zod';
import { dateTime, municipalityNumber, uuid } from '../primitives';
import { founderNeeds, organisationForms, partnerCategories } from './application-fields';

/** Programme focus areas; ascii ids ('grunder' is the general Gründer programme). */
export const focusAreas = [
  'grunder',
  'property-development',
  'health-industry',
  'visitor-industry-trade',
  'other',
] as const;

/** How far the founder's business is, in the founder's own assessment at application time. */
export const applicationStages = [
  'idea',
  'validating',
  'preparing-registration',
  'registered',
] as const;

export const referralSources = ['nav', 'usn', 'self', 'other'] as const;

/**
 * A founder has submitted an application for guidance. Only codes travel: the application's
 * free text and the founder's contact details stay in the intake service.
 */
export const applicationSubmittedV1Schema = z.object({
  applicationId: uuid(),
  founderId: uuid(),
  /** Kommunenummer of the municipality the business is (to be) located in. */
  municipality: municipalityNumber(),
  focusArea: z.enum(focusAreas),
  /** NACE Rev. 2 section letter (A–U) of the planned business activity. */
  sector: z.string().regex(/^[A-U]$/),
  stage: z.enum(applicationStages),
  /** Preferred language for guidance as a BCP-47 tag, e.g. 'nb', 'en', 'uk'. */
  language: z
    .string()
    .min(2)
    .max(35)
    .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/),
  referralSource: z.enum(referralSources),
  submittedAt: dateTime(),
  /** Added in the intake service's full application; optional so older events still parse. */
  organisationForm: z.enum(organisationForms).optional(),
  needs: z.array(z.enum(founderNeeds)).optional(),
  /**
   * Whether the founder already has a company. The number itself stays in intake: for a sole
   * proprietorship (ENK) it leads straight to the person in the public register.
   */
  hasOrganisationNumber: z.boolean().optional(),
  /** The consents given at submission; later changes arrive as ConsentChanged. */
  consents: z
    .object({
      statistics: z.boolean(),
      sharing: z.array(z.enum(partnerCategories)),
    })
    .optional(),
});

export type ApplicationSubmittedV1 = z.infer<typeof applicationSubmittedV1Schema>;
