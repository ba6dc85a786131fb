/**
 * A founder's case: the assignment of a counsellor and what became of it. `caseId` is the
 * assignment id of the skeleton's API. A founder has at most one open case; a returning founder
 * gets a new case (with continuity of counsellor).
 */
export interface CaseAssignment {
  counsellorId: string;
  reasonCode: string;
  reason: string;
  at: Date;
}

export interface Case {
  caseId: string;
  founderId: string;
  applicationId: string;
  language?: string | undefined;
  sector?: string | undefined;
  counsellorId: string;
  reasonCode: string;
  reason: string;
  assignedAt: Date;
  status: 'open' | 'closed';
  /** Every assignment of the case, the current one last. */
  history: CaseAssignment[];
  closedAt?: Date | undefined;
  closeReasonCode?: string | undefined;
}

export interface NewCase {
  caseId: string;
  founderId: string;
  applicationId: string;
  language?: string | undefined;
  sector?: string | undefined;
}

export function openCase(
  fields: NewCase,
  choice: { counsellorId: string; reasonCode: string; reason: string },
  now: Date,
): Case {
  const assignment = { ...choice, at: now };
  return { ...fields, ...choice, assignedAt: now, status: 'open', history: [assignment] };
}

export type Refusal = { refused: string };

export function reassignCase(
  current: Case,
  choice: { counsellorId: string; reasonCode: string; reason: string },
  now: Date,
): Case | Refusal {
  if (current.status !== 'open') return { refused: 'The case is closed.' };
  if (choice.counsellorId === current.counsellorId) {
    return { refused: 'The case is already with this counsellor.' };
  }
  return {
    ...current,
    ...choice,
    assignedAt: now,
    history: [...current.history, { ...choice, at: now }],
  };
}

export function closeCase(current: Case, reasonCode: string, now: Date): Case | Refusal {
  if (current.status !== 'open') return { refused: 'The case is already closed.' };
  return { ...current, status: 'closed', closedAt: now, closeReasonCode: reasonCode };
}

export const isRefusal = (value: object): value is Refusal => 'refused' in value;
