import { chooseCounsellor, type Candidate, type FounderNeeds } from '../domain/assignment-rule';
import { openCase, type Case } from '../domain/case';
import { awayOn, type Counsellor } from '../domain/counsellor';
import { localDateOf } from '../domain/oslo-time';
import { ASSIGNMENT_QUEUE, type Dependencies } from './dependencies';
import { unavailable } from './problems';

export interface AssignmentRequest {
  founderId: string;
  applicationId: string;
  language?: string | undefined;
  sector?: string | undefined;
}

export interface AssignOutcome {
  /** False when the founder already had an open case: nothing new was made. */
  created: boolean;
  entry: Case;
}

/** Counsellors who can take a founder today, with their open caseloads. */
export async function candidates(deps: Dependencies, exclude: string[] = []): Promise<Candidate[]> {
  const today = localDateOf(deps.clock.now());
  const [team, open] = await Promise.all([deps.counsellors.all(), deps.cases.open()]);
  const loads = new Map<string, number>();
  for (const entry of open) loads.set(entry.counsellorId, (loads.get(entry.counsellorId) ?? 0) + 1);
  return team
    .filter((c) => c.active && !awayOn(c, today) && !exclude.includes(c.counsellorId))
    .map((c) => toCandidate(c, loads.get(c.counsellorId) ?? 0));
}

const toCandidate = (c: Counsellor, openCases: number): Candidate => ({
  counsellorId: c.counsellorId,
  name: c.name,
  languages: c.languages,
  sectors: c.sectors,
  capacity: c.capacity,
  openCases,
});

async function assignNow(deps: Dependencies, request: AssignmentRequest): Promise<AssignOutcome> {
  const open = await deps.cases.openOf(request.founderId);
  if (open !== undefined) return { created: false, entry: open.value };
  const earlier = await deps.cases.latestOf(request.founderId);
  const needs: FounderNeeds = {
    language: request.language,
    sector: request.sector,
    previousCounsellorId: earlier?.counsellorId,
  };
  const choice = chooseCounsellor(await candidates(deps), needs);
  if (choice === undefined) throw unavailable('No counsellor is available to take founders');
  const entry = openCase({ caseId: deps.clock.newId(), ...request }, choice, deps.clock.now());
  const outcome = await deps.cases.create(entry, [deps.events.assigned(entry)]);
  if (outcome === 'founder-has-open-case') {
    // Another instance won the race; its case stands.
    const winner = await deps.cases.openOf(request.founderId);
    if (winner === undefined) throw new Error(`open case of ${request.founderId} vanished`);
    return { created: false, entry: winner.value };
  }
  deps.events.written();
  return { created: true, entry };
}

/**
 * One case per founder: asking again returns the open case. Choices run one at a time in this
 * process so each sees the loads the previous one left.
 */
export function assign(deps: Dependencies, request: AssignmentRequest): Promise<AssignOutcome> {
  return deps.locks(ASSIGNMENT_QUEUE, () => assignNow(deps, request));
}

/** The founder's open case, or else their latest: what GET /assignments/:founderId shows. */
export async function assignmentOf(deps: Dependencies, founderId: string) {
  const open = await deps.cases.openOf(founderId);
  return open?.value ?? (await deps.cases.latestOf(founderId));
}
