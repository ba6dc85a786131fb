import { stateOf, type FollowUp } from '../domain/follow-up';
import type { ListFilters } from './ports';
import type { FollowUpUseCases } from './use-cases';

const byDue = (a: FollowUp, b: FollowUp) =>
  a.dueAt.getTime() - b.dueAt.getTime() || a.followUpId.localeCompare(b.followUpId);

function isAfter(followUp: FollowUp, after: NonNullable<ListFilters['after']>): boolean {
  const due = followUp.dueAt.getTime();
  const mark = after.dueAt.getTime();
  return due > mark || (due === mark && followUp.followUpId > after.followUpId);
}

/**
 * One founder's follow-ups are read by their five derived _ids and filtered here (no scan);
 * without a founder, the store scans by due date (staff only).
 */
export async function listFollowUps(
  useCases: FollowUpUseCases,
  filters: ListFilters,
): Promise<FollowUp[]> {
  if (filters.founderId === undefined) return useCases.list(filters);
  const now = useCases.now();
  const { after, state } = filters;
  return (await useCases.ofFounder(filters.founderId))
    .filter((f) => state === undefined || stateOf(f, now, useCases.overdueAfterDays) === state)
    .filter((f) => after === undefined || isAfter(f, after))
    .sort(byDue)
    .slice(0, filters.limit);
}
