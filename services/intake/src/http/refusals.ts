import type { Request, Response } from 'express';
import type { Refusal } from '../app/results';
import type { Localiser } from './localise';

/** Each expected refusal of a use case as the HTTP status and message key the reader gets. */
const REFUSALS: Readonly<Record<Refusal, { status: number; key: string }>> = {
  'not-found': { status: 404, key: 'not_found' },
  'not-editable': { status: 409, key: 'not_editable' },
  'not-open': { status: 409, key: 'not_open' },
  conflict: { status: 409, key: 'conflict' },
  'idempotency-key-reused': { status: 422, key: 'idempotency_key_reused' },
  'already-triaged': { status: 409, key: 'already_triaged' },
  'referral-needs-partner': { status: 422, key: 'referral_needs_partner' },
  'processing-required': { status: 422, key: 'consent.processing_required' },
  'background-without-consent': { status: 422, key: 'consent.background_without_consent' },
  'processing-cannot-be-withdrawn-here': {
    status: 409,
    key: 'consent.processing_cannot_be_withdrawn_here',
  },
};

export function refusalProblem(
  localise: Localiser,
  req: Request,
  res: Response,
  refusal: Refusal,
  preferred?: string,
) {
  const { status, key } = REFUSALS[refusal];
  return localise.problem(req, res, status, key, preferred);
}
