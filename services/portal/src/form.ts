import { z } from 'zod';

/** The application form's fields, as the browser posts them (urlencoded: strings or lists). */
export const FIELDS = {
  name: 'contact.name',
  email: 'contact.email',
  phone: 'contact.phone',
  language: 'language',
  municipality: 'municipality',
  idea: 'idea',
  sector: 'sector',
  focusArea: 'focusArea',
  stage: 'stage',
  organisationForm: 'organisationForm',
  organisationNumber: 'organisationNumber',
  needs: 'needs',
  referralSource: 'referralSource',
} as const;

export const PARTNERS = [
  'nav',
  'usn',
  'business-association',
  'innovation-norway',
  'municipality',
] as const;

const text = z.string().max(5_000).optional();
const list = z.union([z.string().max(200), z.array(z.string().max(200)).max(20)]).optional();

/** Only shape checks here: the intake API owns the rules and answers in the reader's language. */
export const formSchema = z.looseObject({
  name: text,
  email: text,
  phone: text,
  language: text,
  municipality: text,
  idea: text,
  sector: text,
  focusArea: text,
  stage: text,
  organisationForm: text,
  organisationNumber: text,
  needs: list,
  referralSource: text,
  consentProcessing: text,
  consentStatistics: text,
  sharing: list,
});

export type FormValues = z.infer<typeof formSchema>;

const asList = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const optional = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** The intake request for a filled-in form; empty optional fields are left out. */
export function applicationRequest(form: FormValues, textVersion: string) {
  const consent = (granted: boolean) => ({ granted, textVersion });
  const sharing = Object.fromEntries(
    asList(form.sharing).map((partner) => [partner, consent(true)]),
  );
  const phone = optional(form.phone);
  const organisationNumber = optional(form.organisationNumber);
  return {
    contact: { name: form.name ?? '', email: form.email ?? '', ...(phone ? { phone } : {}) },
    language: form.language ?? '',
    municipality: form.municipality ?? '',
    idea: form.idea ?? '',
    sector: form.sector ?? '',
    focusArea: form.focusArea ?? '',
    stage: form.stage ?? '',
    organisationForm: form.organisationForm ?? '',
    ...(organisationNumber ? { organisationNumber } : {}),
    needs: asList(form.needs),
    referralSource: form.referralSource ?? '',
    consents: {
      processing: consent(form.consentProcessing === 'yes'),
      statistics: consent(form.consentStatistics === 'yes'),
      sharing,
    },
  };
}

/** intake's error paths → the form's field names ('contact.email' → 'email'). */
export function fieldOfPath(path: string): string {
  const found = Object.entries(FIELDS).find(
    ([, apiPath]) => path === apiPath || path.startsWith(`${apiPath}[`),
  );
  if (found !== undefined) return found[0];
  if (path.startsWith('consents.processing')) return 'consentProcessing';
  return 'form';
}
