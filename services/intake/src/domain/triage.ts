import type { Application, Triage, TriageDecision } from './application';

export interface TriageInput {
  decision: TriageDecision;
  reasonCodes: string[];
  referredTo?: string;
}

export type TriageRefusal = 'already-triaged' | 'not-open' | 'referral-needs-partner';

export type TriageResult = { ok: true; triage: Triage } | { ok: false; refusal: TriageRefusal };

/**
 * A counsellor's decision. Allowed on an untriaged application, and on one the pre-triage
 * decided by itself (that is the overrule); a counsellor's earlier decision stands.
 */
export function decideTriage(
  application: Pick<Application, 'status' | 'triage'>,
  input: TriageInput,
  /** Absent when the staff member's id cannot be recorded (see the staff routes). */
  staffId: string | undefined,
  now: Date,
): TriageResult {
  if (application.status === 'withdrawn' || application.status === 'erased') {
    return { ok: false, refusal: 'not-open' };
  }
  const previous = application.triage;
  if (previous !== undefined && !previous.automatic) {
    return { ok: false, refusal: 'already-triaged' };
  }
  if ((input.decision === 'referred') !== (input.referredTo !== undefined)) {
    return { ok: false, refusal: 'referral-needs-partner' };
  }
  return {
    ok: true,
    triage: {
      decision: input.decision,
      reasonCodes: input.reasonCodes,
      ...(input.referredTo === undefined ? {} : { referredTo: input.referredTo }),
      ...(staffId === undefined ? {} : { triagedBy: staffId }),
      triagedAt: now,
      automatic: false,
      overrulesAutomatic: previous?.automatic === true,
    },
  };
}
