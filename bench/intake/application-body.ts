import { z } from 'zod';

/**
 * Everything the intake benchmark knows about the body of POST /applications, in one file:
 * the schema the baseline validates with (a copy of intake's request schema in
 * services/intake/src/http/schemas.ts, so both do the same validation work for the fields sent)
 * and the builder of the bodies sent to both. When the intake API changes, update both here;
 * the benchmark's probe request reports a body intake rejects before any load is run.
 */
const NO_CONTROL = /^[^\p{Cc}]*$/u;
const NO_CONTROL_MULTILINE = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;
const text = (max: number) => z.string().trim().min(1).max(max).regex(NO_CONTROL);
const consent = z.strictObject({
  granted: z.boolean(),
  textVersion: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/),
});
const partnerCategories = [
  'nav',
  'usn',
  'business-association',
  'innovation-norway',
  'municipality',
];
const founderNeeds = [
  'business-plan',
  'financing',
  'registration',
  'accounting-tax',
  'marketing',
  'premises',
  'mentor',
] as const;

export const applicationBodySchema = z.strictObject({
  contact: z.strictObject({
    name: text(200),
    email: z.email().max(254),
    phone: z
      .string()
      .regex(/^\+?[0-9][0-9 ()-]{4,29}$/)
      .optional(),
  }),
  language: z.enum(['nb', 'en']),
  municipality: z.string().regex(/^\d{4}$/),
  idea: z.string().trim().min(1).max(4000).regex(NO_CONTROL_MULTILINE),
  sector: z.string().regex(/^[A-U]$/),
  focusArea: z.enum([
    'grunder',
    'property-development',
    'health-industry',
    'visitor-industry-trade',
    'other',
  ]),
  stage: z.enum(['idea', 'validating', 'preparing-registration', 'registered']),
  organisationForm: z.enum(['ENK', 'AS', 'ANS/DA', 'SA', 'undecided']),
  // Not sent by the builder, so checked loosely (intake checks the MOD11 digit and the date).
  organisationNumber: z.string().max(20).optional(),
  businessStartedOn: z.iso.date().optional(),
  needs: z
    .array(z.enum(founderNeeds))
    .max(founderNeeds.length)
    .refine((list) => new Set(list).size === list.length)
    .default([]),
  referralSource: z.enum(['nav', 'usn', 'self', 'other']),
  consents: z.strictObject({
    processing: consent,
    statistics: consent,
    background: consent.optional(),
    sharing: z
      .strictObject(Object.fromEntries(partnerCategories.map((c) => [c, consent.optional()])))
      .default({}),
  }),
  background: z.strictObject({ immigrantBackground: z.boolean() }).optional(),
});

type ApplicationBody = z.input<typeof applicationBodySchema>;

// The Drammen region's municipalities (intake's default REGION_MUNICIPALITIES, 2024 numbering).
const MUNICIPALITIES = ['3301', '3312', '3314', '3316', '3318', '3332', '3903'];
const SECTORS = ['C', 'F', 'G', 'I', 'J', 'M', 'N', 'Q', 'R', 'S'];
const GIVEN_NAMES = ['Kari', 'Ola', 'Amina', 'Piotr', 'Sahra', 'Olena', 'Yonas', 'Ingrid'];
const FAMILY_NAMES = ['Nordmann', 'Hansen', 'Haddad', 'Kowalski', 'Warsame', 'Bondarenko'];
const IDEAS = [
  'Mobile bike repair for commuters along the river, booked through an app.',
  'Kafé og bakeri med glutenfrie produkter i sentrum, med catering til bedrifter.',
  'Bookkeeping for small craft businesses, in Polish, Ukrainian and Norwegian.',
  'Guided kayak tours on Drammenselva for visitors and school classes.',
];
const TEXT_VERSION = '2025-01';
const { shape } = applicationBodySchema;

/** Picks by i; the lists are never empty, so there is always an element. */
function pick<T>(values: readonly T[], i: number): T {
  return values[i % values.length] as T;
}

/** Every fourth founder gives voluntary background data, with its own consent. */
function consentsAndBackground(i: number) {
  const given = (granted: boolean) => ({ granted, textVersion: TEXT_VERSION });
  const withBackground = i % 4 === 0;
  return {
    consents: {
      processing: given(true),
      statistics: given(i % 3 !== 0),
      ...(withBackground ? { background: given(true) } : {}),
      sharing: { [pick(partnerCategories, i)]: given(true) },
    },
    ...(withBackground ? { background: { immigrantBackground: i % 8 === 0 } } : {}),
  };
}

/**
 * The i-th application. Every i is a different founder (e-mail and phone), because intake
 * rejects a duplicate of an open application; the coded fields cycle through their values.
 */
export function applicationBody(i: number): object {
  return {
    contact: {
      name: `${pick(GIVEN_NAMES, i)} ${pick(FAMILY_NAMES, i >> 3)}`,
      email: `founder-${i}@bench.example.no`,
      // A Norwegian mobile number while i < 10 million; longer, still valid, after.
      phone: `+47 9${String(i).padStart(7, '0')}`,
    },
    language: pick(shape.language.options, i),
    municipality: pick(MUNICIPALITIES, i),
    idea: `${pick(IDEAS, i)} (${i})`,
    sector: pick(SECTORS, i),
    focusArea: pick(shape.focusArea.options, i),
    stage: pick(shape.stage.options, i),
    organisationForm: pick(shape.organisationForm.options, i),
    needs: founderNeeds.filter((_, n) => (i >> n) % 2 === 1),
    referralSource: pick(shape.referralSource.options, i),
    ...consentsAndBackground(i),
  } satisfies ApplicationBody;
}
