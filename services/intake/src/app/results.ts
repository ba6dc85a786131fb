import type { ConsentRuleViolation } from '../domain/consents';
import type { TriageRefusal } from '../domain/triage';

/** Expected outcomes that are not success: results, not exceptions (STYLE.md "Errors"). */
export type Refusal =
  | 'not-found'
  | 'not-editable'
  | 'not-open'
  | 'conflict'
  | 'idempotency-key-reused'
  | ConsentRuleViolation
  | TriageRefusal;

export type Result<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export const success = <T>(value: T): Result<T> => ({ ok: true, value });
export const refused = <T>(refusal: Refusal): Result<T> => ({ ok: false, refusal });
