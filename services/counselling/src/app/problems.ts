import { AppError } from '@grunderboost/service-kit';
import type { Actor } from '../domain/access';
import { canSeeCase } from '../domain/access';
import { isRefusal, type Refusal } from '../domain/case';

/** The expected refusals of the use cases, as problems the HTTP layer answers with. */
export const forbidden = (detail: string) =>
  new AppError({ status: 403, title: 'Forbidden', detail });

export const conflictWith = (detail: string, code: string) =>
  new AppError({ status: 409, title: 'Conflict', detail, extensions: { code } });

export const unavailable = (detail: string) =>
  new AppError({ status: 503, title: 'Service Unavailable', detail });

/** The domain's answer, or a 409 carrying its refusal. */
export function accepted<T extends object>(outcome: T | Refusal): T {
  if (isRefusal(outcome)) throw conflictWith(outcome.refused, 'refused');
  return outcome;
}

/** 404 rather than 403 for someone else's case: whether it exists is not theirs to know. */
export function ensureVisible(
  actor: Actor,
  entry: { founderId: string; counsellorId: string } | undefined,
  what: string,
): void {
  if (entry === undefined || !canSeeCase(actor, entry)) {
    throw new AppError({ status: 404, title: 'Not Found', detail: `No ${what} found` });
  }
}

export const staleWrite = () =>
  conflictWith('Someone else changed this at the same time; please try again', 'concurrent-change');
