/**
 * Kommunenummer in the 2024 numbering. Founders (and NAV letters, old business cards) still use
 * older numbers: those of the 2020 reform (Viken 30xx, Vestfold og Telemark 38xx) and the ones
 * before it (Buskerud 06xx, Vestfold 07xx). They are mapped to today's number before anything
 * else looks at the municipality. Only the region's surroundings are listed; any other four-digit
 * number is taken as given (it is then simply outside the region).
 */
const RENUMBERED: Readonly<Record<string, string>> = {
  // Buskerud 2020–2023 (Viken) → 2024
  '3005': '3301', // Drammen
  '3006': '3303', // Kongsberg
  '3007': '3305', // Ringerike
  '3038': '3310', // Hole
  '3039': '3320', // Flå
  '3040': '3322', // Nesbyen
  '3041': '3324', // Gol
  '3042': '3326', // Hemsedal
  '3043': '3328', // Ål
  '3044': '3330', // Hol
  '3045': '3332', // Sigdal
  '3046': '3318', // Krødsherad
  '3047': '3316', // Modum
  '3048': '3314', // Øvre Eiker
  '3049': '3312', // Lier
  '3050': '3334', // Flesberg
  '3051': '3336', // Rollag
  '3052': '3338', // Nore og Uvdal
  '3025': '3203', // Asker (Røyken and Hurum merged into it in 2020)
  '3802': '3903', // Holmestrand (Sande merged into it in 2020)
  // Before 2020 → the 2020 number (mapped on from there)
  '0602': '3005', // Drammen
  '0625': '3005', // Nedre Eiker → Drammen
  '0711': '3005', // Svelvik → Drammen
  '0604': '3006', // Kongsberg
  '0605': '3007', // Ringerike
  '0612': '3038', // Hole
  '0615': '3039', // Flå
  '0616': '3040', // Nes (Buskerud) → Nesbyen
  '0617': '3041', // Gol
  '0618': '3042', // Hemsedal
  '0619': '3043', // Ål
  '0620': '3044', // Hol
  '0621': '3045', // Sigdal
  '0622': '3046', // Krødsherad
  '0623': '3047', // Modum
  '0624': '3048', // Øvre Eiker
  '0626': '3049', // Lier
  '0627': '3025', // Røyken → Asker
  '0628': '3025', // Hurum → Asker
  '0631': '3050', // Flesberg
  '0632': '3051', // Rollag
  '0633': '3052', // Nore og Uvdal
  '0713': '3802', // Sande (Vestfold) → Holmestrand
  '0715': '3802', // Holmestrand
};

/** The 2024 number for a number of any of the numberings above (chains are followed). */
export function currentMunicipalityNumber(number: string): string {
  let current = number;
  // At most two steps (pre-2020 → 2020 → 2024); the bound guards against a table mistake.
  for (let step = 0; step < 3; step++) {
    const next = RENUMBERED[current];
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

/** The Drammen region's default membership (2024 numbers); configuration may replace it. */
export const DEFAULT_REGION_MUNICIPALITIES = [
  '3301', // Drammen
  '3312', // Lier
  '3314', // Øvre Eiker
  '3316', // Modum
  '3318', // Krødsherad
  '3332', // Sigdal
  '3903', // Holmestrand
] as const;
