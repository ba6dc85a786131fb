/**
 * The Drammen region's municipalities (2024 numbers) by name. The portal shows "Drammen (3301)"
 * wherever a number alone would make a counsellor or an analyst look it up.
 */
export const MUNICIPALITIES: Readonly<Record<string, string>> = {
  '3301': 'Drammen',
  '3312': 'Lier',
  '3314': 'Øvre Eiker',
  '3316': 'Modum',
  '3318': 'Krødsherad',
  '3332': 'Sigdal',
  '3903': 'Holmestrand',
};

/** "Drammen (3301)" for the region's municipalities; any other number as it is. */
export function municipalityLabel(code: string): string {
  const name = MUNICIPALITIES[code];
  return name === undefined ? code : `${name} (${code})`;
}
