import type { ApiAnswer } from '../api';

/**
 * An API's refusal as a message key of the catalogue, so the counsellor reads it in their
 * language rather than the service's English detail. Unknown refusals get a general message.
 */
const BY_CODE: Readonly<Record<string, string>> = {
  'slot-unavailable': 'case.error.slotUnavailable',
  'slot-taken': 'case.error.slotTaken',
  'allowance-used': 'case.error.allowanceUsed',
  'digital-only': 'case.error.digitalOnly',
  'concurrent-change': 'case.error.concurrentChange',
};

/** counselling's `refused` problems say why in their detail; these are the ones it has. */
const BY_DETAIL: ReadonlyArray<[RegExp, string]> = [
  [/has not started yet/, 'case.error.notStarted'],
  [/no longer booked/, 'case.error.notBooked'],
  [/already with this counsellor/, 'case.error.sameCounsellor'],
  [/closed/, 'case.error.closed'],
];

export function refusalKey(answer: ApiAnswer): string {
  if (answer.status === 404) return 'case.error.notYours';
  if (answer.status === 401) return 'case.error.signIn';
  if (answer.status === 403) return 'case.error.forbidden';
  if (answer.status === 400) return 'case.error.invalid';
  if (answer.status >= 500) return 'case.error.unavailable';
  const code = typeof answer.body.code === 'string' ? answer.body.code : '';
  const fromCode = BY_CODE[code];
  if (fromCode !== undefined) return fromCode;
  const detail = typeof answer.body.detail === 'string' ? answer.body.detail : '';
  const fromDetail = BY_DETAIL.find(([pattern]) => pattern.test(detail));
  return fromDetail?.[1] ?? 'case.error.refused';
}

/** The page status for a refusal: the API's 4xx as it is; a failing service is a 503 page. */
export const refusalStatus = (answer: ApiAnswer): number =>
  answer.status >= 400 && answer.status < 500 ? answer.status : 503;
