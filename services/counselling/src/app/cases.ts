import { isLead, type Actor } from '../domain/access';
import { chooseCounsellor, type Candidate, type Choice } from '../domain/assignment-rule';
import { closeCase, reassignCase, type Case } from '../domain/case';
import { candidates } from './assignments';
import { counsellorOf, visibleOpenCase } from './calendar-access';
import { cancelFutureOf } from './changes';
import { ASSIGNMENT_QUEUE, type Dependencies } from './dependencies';
import type { Loaded } from './ports';
import { accepted, forbidden, staleWrite, unavailable } from './problems';

const lockedCase = <T>(deps: Dependencies, caseId: string, task: () => Promise<T>) =>
  deps.locks(caseId, task);

/** Moves a case to another counsellor; their future bookings with the old one are cancelled. */
async function moveCase(deps: Dependencies, loaded: Loaded<Case>, choice: Choice): Promise<Case> {
  return lockedCase(deps, loaded.value.caseId, async () => {
    const from = loaded.value.counsellorId;
    const next = accepted(reassignCase(loaded.value, choice, deps.clock.now()));
    const event = deps.events.reassigned(next, from);
    if (!(await deps.cases.update(next, loaded.version, [event]))) throw staleWrite();
    deps.events.written();
    await cancelFutureOf(deps, next.founderId, from, 'counsellor-reassigned');
    return next;
  });
}

export interface ReassignRequest {
  /** A lead's own choice; without it the assignment rule chooses among the others. */
  counsellorId?: string | undefined;
  /** The lead's words, kept with the assignment (not in events). */
  note?: string | undefined;
}

export function reassign(
  deps: Dependencies,
  actor: Actor,
  founderId: string,
  request: ReassignRequest,
) {
  if (!isLead(actor)) throw forbidden('Only a lead reassigns cases');
  return deps.locks(ASSIGNMENT_QUEUE, async () => {
    const loaded = await visibleOpenCase(deps, actor, founderId);
    const choice = await reassignmentChoice(deps, loaded.value, request);
    return moveCase(deps, loaded, choice);
  });
}

async function reassignmentChoice(
  deps: Dependencies,
  entry: Case,
  request: ReassignRequest,
): Promise<Choice> {
  const note = request.note === undefined ? '' : ` Lead's note: ${request.note}`;
  if (request.counsellorId !== undefined) {
    const chosen = await counsellorOf(deps, request.counsellorId);
    return {
      counsellorId: chosen.counsellorId,
      reasonCode: 'manual',
      reason: `Chosen by a lead: ${chosen.name}.${note}`,
    };
  }
  const choice = chooseCounsellor(await candidates(deps, [entry.counsellorId]), {
    language: entry.language,
    sector: entry.sector,
  });
  if (choice === undefined) throw unavailable('No other counsellor is available');
  return { ...choice, reason: `${choice.reason}${note}` };
}

export function close(deps: Dependencies, actor: Actor, founderId: string, reasonCode: string) {
  if (actor.kind !== 'staff') throw forbidden('Only staff close cases');
  return deps.locks(ASSIGNMENT_QUEUE, async () => {
    const loaded = await visibleOpenCase(deps, actor, founderId);
    return lockedCase(deps, loaded.value.caseId, async () => {
      const next = accepted(closeCase(loaded.value, reasonCode, deps.clock.now()));
      if (!(await deps.cases.update(next, loaded.version, [deps.events.closed(next)])))
        throw staleWrite();
      deps.events.written();
      await cancelFutureOf(deps, founderId, next.counsellorId, 'case-closed');
      return next;
    });
  });
}

/**
 * Spreads an absent counsellor's open cases over colleagues by the assignment rule, one case at
 * a time so each choice sees the loads the previous ones left.
 */
export function rebalance(deps: Dependencies, counsellorId: string, why: string) {
  return deps.locks(ASSIGNMENT_QUEUE, async () => {
    const team = await candidates(deps, [counsellorId]);
    const moved: Case[] = [];
    for (const entry of await deps.cases.open({ counsellorId })) {
      const choice = chooseCounsellor(team, { language: entry.language, sector: entry.sector });
      if (choice === undefined) break;
      const loaded = await deps.cases.get(entry.caseId);
      if (loaded === undefined || loaded.value.status !== 'open') continue;
      const rebalanced = {
        ...choice,
        reasonCode: 'rebalanced-leave',
        reason: `${why} ${choice.reason}`,
      };
      moved.push(await moveCase(deps, loaded, rebalanced));
      countOneMore(team, choice.counsellorId);
    }
    return moved;
  });
}

function countOneMore(team: Candidate[], counsellorId: string) {
  const member = team.find((c) => c.counsellorId === counsellorId);
  if (member !== undefined) member.openCases += 1;
}
