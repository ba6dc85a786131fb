import { z } from 'zod';
import type { RegisterEntity } from '../domain/registration';

const code = z.object({ kode: z.string() }).loose();

/**
 * The fields of Enhetsregisteret's `GET /enheter/{orgnr}` answer (JSON, documented at
 * data.brreg.no/enhetsregisteret/api/dokumentasjon) that this service reads. Unknown fields are
 * ignored; a wrong type in a read field makes the answer unusable, not the process crash.
 */
export const brregEntitySchema = z
  .object({
    organisasjonsnummer: z.string().regex(/^\d{9}$/),
    organisasjonsform: code.optional(),
    registreringsdatoEnhetsregisteret: z.iso.date().optional(),
    naeringskode1: code.optional(),
    konkurs: z.boolean().optional(),
    underAvvikling: z.boolean().optional(),
    underTvangsavviklingEllerTvangsopplosning: z.boolean().optional(),
    slettedato: z.iso.date().optional(),
  })
  .loose();

/** A 410 Gone may carry the deletion date; its body is read only for that. */
export const brregGoneSchema = z.object({ slettedato: z.iso.date().optional() }).loose();

const ORGANISATION_FORM = /^[A-ZÆØÅ]{2,5}$/;
const NACE = /^\d{2}\.\d{1,3}$/;

/** Codes outside the shapes the event allows are left out rather than passed on. */
function codeIf(value: string | undefined, pattern: RegExp): string | undefined {
  return value !== undefined && pattern.test(value) ? value : undefined;
}

export function toRegisterEntity(raw: z.output<typeof brregEntitySchema>): RegisterEntity {
  const organisationFormCode = codeIf(raw.organisasjonsform?.kode, ORGANISATION_FORM);
  const naceCode = codeIf(raw.naeringskode1?.kode, NACE);
  return {
    organisationNumber: raw.organisasjonsnummer,
    ...(organisationFormCode === undefined ? {} : { organisationFormCode }),
    ...(raw.registreringsdatoEnhetsregisteret === undefined
      ? {}
      : { registeredOn: raw.registreringsdatoEnhetsregisteret }),
    ...(naceCode === undefined ? {} : { naceCode }),
    bankrupt: raw.konkurs ?? false,
    underLiquidation: raw.underAvvikling ?? false,
    underForcedLiquidation: raw.underTvangsavviklingEllerTvangsopplosning ?? false,
    ...(raw.slettedato === undefined ? {} : { deletedOn: raw.slettedato }),
  };
}
