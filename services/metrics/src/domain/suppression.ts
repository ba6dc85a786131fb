/**
 * Small-group suppression: a figure about fewer than this many founders could point at a
 * person, so it is never shown, in any output (JSON, CSV, derived rates).
 */
export const SMALL_GROUP_THRESHOLD = 5;

/** A figure as shown: either its value, or null with `suppressed: true`. */
export type Shown = { value: number; suppressed: false } | { value: null; suppressed: true };

export const hidden: Shown = { value: null, suppressed: true };

export const isSmall = (founders: number): boolean => founders < SMALL_GROUP_THRESHOLD;

/** The value, unless it is about fewer founders than the threshold. */
export function shown(value: number, founders: number): Shown {
  return isSmall(founders) ? hidden : { value, suppressed: false };
}

/**
 * A ratio shown only when both the part and the whole are about enough founders: a rate over a
 * small part would reveal that small part (1 no-show among 10 founders is one person).
 */
export function shownRatio(
  part: { value: number; founders: number },
  whole: { value: number; founders: number },
): Shown {
  if (isSmall(part.founders) || isSmall(whole.founders) || whole.value === 0) return hidden;
  return { value: round(part.value / whole.value), suppressed: false };
}

export const round = (value: number, digits = 4): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
