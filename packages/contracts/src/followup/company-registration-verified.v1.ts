import { z } from 'zod';
import { dateTime, uuid } from '../primitives';

/** What the public company register (Enhetsregisteret) said about a founder's company. */
export const registrationStatuses = [
  'registered',
  'bankrupt',
  'under-liquidation',
  'deleted',
  'not-found',
] as const;

/**
 * The follow-up service has checked a founder's company in Enhetsregisteret. The organisation
 * number is deliberately absent: for a sole proprietorship (ENK) it leads straight to the person,
 * and with the founder id it would tie the pseudonymous id to a name (ADR 0007). The facts that
 * count for outcomes travel as codes and dates instead.
 */
export const companyRegistrationVerifiedV1Schema = z.object({
  verificationId: uuid(),
  founderId: uuid(),
  /** The follow-up the check belonged to, when it was made for one. */
  followUpId: uuid().optional(),
  status: z.enum(registrationStatuses),
  /** registreringsdatoEnhetsregisteret, when the register knows the entity. */
  registeredOn: z.iso.date().optional(),
  /** slettedato, for a deleted entity when the register gives it. */
  deletedOn: z.iso.date().optional(),
  /** organisasjonsform.kode, e.g. ENK, AS, ANS, DA, SA. */
  organisationFormCode: z
    .string()
    .regex(/^[A-ZÆØÅ]{2,5}$/)
    .optional(),
  /** naeringskode1.kode, the SN2007/SN2025 (NACE) code, e.g. 56.101. */
  naceCode: z
    .string()
    .regex(/^\d{2}\.\d{1,3}$/)
    .optional(),
  checkedAt: dateTime(),
});

export type CompanyRegistrationVerifiedV1 = z.infer<typeof companyRegistrationVerifiedV1Schema>;
