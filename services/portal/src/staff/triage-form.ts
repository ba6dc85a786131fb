import { partnerCategories, triageDecisions } from '@grunderboost/contracts';

/** The reasons a counsellor gives (intake words each for the founder, in their language). */
export const TRIAGE_REASONS = [
  'eligible',
  'outside-region',
  'business-too-old',
  'duplicate',
  'needs-other-service',
  'not-a-business',
] as const;

export type TriageDecision = (typeof triageDecisions)[number];

export interface TriageBody {
  decision: TriageDecision;
  reasonCodes: string[];
  referredTo?: string;
}

/** The form's values as posted, to show them again beside its problems. */
export interface TriageValues {
  decision?: string;
  reasonCodes: string[];
  referredTo?: string;
}

export type TriageProblemField = 'decision' | 'reasonCodes' | 'referredTo';

export type TriageParse =
  | { ok: true; body: TriageBody; values: TriageValues }
  | { ok: false; problems: TriageProblemField[]; values: TriageValues };

const listOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? [value]
      : [];

const oneOf = <T extends string>(allowed: readonly T[], value: unknown): T | undefined =>
  allowed.find((entry) => entry === value);

/**
 * The triage form, checked by intake's rules before it is sent: one decision, at least one of
 * the known reasons, and a partner exactly when the founder is referred (intake refuses a partner
 * on any other decision; the form ignores one chosen before the decision changed).
 */
export function parseTriageForm(form: Record<string, unknown>): TriageParse {
  const decision = oneOf(triageDecisions, form.decision);
  const reasonCodes = listOf(form.reasonCodes).filter((code) =>
    (TRIAGE_REASONS as readonly string[]).includes(code),
  );
  const referredTo = oneOf(partnerCategories, form.referredTo);
  const values: TriageValues = {
    ...(typeof form.decision === 'string' ? { decision: form.decision } : {}),
    reasonCodes,
    ...(referredTo === undefined ? {} : { referredTo }),
  };
  const problems: TriageProblemField[] = [];
  if (decision === undefined) problems.push('decision');
  if (reasonCodes.length === 0) problems.push('reasonCodes');
  if (decision === 'referred' && referredTo === undefined) problems.push('referredTo');
  if (decision === undefined || problems.length > 0) return { ok: false, problems, values };
  return {
    ok: true,
    values,
    body: {
      decision,
      reasonCodes,
      ...(decision === 'referred' && referredTo !== undefined ? { referredTo } : {}),
    },
  };
}
