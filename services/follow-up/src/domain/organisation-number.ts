/**
 * Norwegian organisation numbers (organisasjonsnummer): nine digits, the last a MOD11 check digit
 * over the first eight with the weights 3 2 7 6 5 4 3 2 (Brønnøysundregistrene's rule).
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The check digit for eight digits, or undefined when no digit fits (remainder 1). */
export function mod11CheckDigit(firstEight: string): number | undefined {
  let sum = 0;
  WEIGHTS.forEach((weight, index) => {
    sum += weight * Number(firstEight[index]);
  });
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return undefined; // such numbers are never issued
  return 11 - remainder;
}

/** True for nine digits whose last digit is the MOD11 check digit of the first eight. */
export function isValidOrganisationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  return mod11CheckDigit(value.slice(0, 8)) === Number(value[8]);
}

/** Founders write "912 345 678" or "912345678": spaces are dropped before checking. */
export function normaliseOrganisationNumber(value: string): string {
  return value.replace(/\s+/g, '');
}
