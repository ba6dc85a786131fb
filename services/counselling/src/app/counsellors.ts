import { isLead, type Actor } from '../domain/access';
import { leaveOn, type AvailabilityException, type Counsellor } from '../domain/counsellor';
import { localDateOf, type LocalDate } from '../domain/oslo-time';
import { counsellorOf } from './calendar-access';
import { rebalance } from './cases';
import type { Dependencies } from './dependencies';
import { conflictWith, forbidden } from './problems';

const leadOnly = (actor: Actor) => {
  if (!isLead(actor)) throw forbidden('Only a lead manages counsellors');
};

const staffOnly = (actor: Actor) => {
  if (actor.kind !== 'staff') throw forbidden('Only staff see counsellors');
};

export async function createCounsellor(deps: Dependencies, actor: Actor, counsellor: Counsellor) {
  leadOnly(actor);
  if ((await deps.counsellors.create(counsellor)) === 'exists') {
    throw conflictWith(`Counsellor ${counsellor.counsellorId} already exists`, 'counsellor-exists');
  }
  return counsellor;
}

export function replaceCounsellor(deps: Dependencies, actor: Actor, counsellor: Counsellor) {
  leadOnly(actor);
  return deps.locks(`counsellor:${counsellor.counsellorId}`, async () => {
    await counsellorOf(deps, counsellor.counsellorId);
    await deps.counsellors.replace(counsellor);
    return counsellor;
  });
}

export async function listCounsellors(deps: Dependencies, actor: Actor) {
  staffOnly(actor);
  return deps.counsellors.all();
}

export async function getCounsellor(deps: Dependencies, actor: Actor, counsellorId: string) {
  staffOnly(actor);
  return counsellorOf(deps, counsellorId);
}

export interface LeaveRequest {
  from: LocalDate;
  to: LocalDate;
}

/**
 * Records leave and moves the counsellor's open cases to colleagues at once: founders should
 * not wait for someone who is away. Cases do not move back by themselves afterwards.
 */
export async function registerLeave(
  deps: Dependencies,
  actor: Actor,
  counsellorId: string,
  leave: LeaveRequest,
) {
  leadOnly(actor);
  const updated = await deps.locks(`counsellor:${counsellorId}`, async () => {
    const counsellor = await counsellorOf(deps, counsellorId);
    const exception: AvailabilityException = { kind: 'leave', ...leave };
    const next = { ...counsellor, exceptions: [...counsellor.exceptions, exception] };
    await deps.counsellors.replace(next);
    return next;
  });
  const today = localDateOf(deps.clock.now());
  if (leave.to < today) return { counsellor: updated, moved: [] };
  const why = `${updated.name} is on leave ${leave.from} to ${leave.to}.`;
  const moved = await rebalance(deps, counsellorId, why);
  return { counsellor: updated, moved, onLeaveToday: leaveOn(updated, today) !== undefined };
}
