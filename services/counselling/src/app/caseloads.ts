import { isCounsellor, isLead, type Actor } from '../domain/access';
import { caseloadEntry, type CaseloadEntry } from '../domain/caseload';
import { awayOn } from '../domain/counsellor';
import { renderCalendar } from '../domain/icalendar';
import { localDateOf } from '../domain/oslo-time';
import { counsellorOf } from './calendar-access';
import type { Dependencies } from './dependencies';
import { forbidden } from './problems';

const DAY_MS = 86_400_000;

/** The open cases of one counsellor with stage, next appointment and what is overdue. */
export async function caseloadOf(
  deps: Dependencies,
  counsellorId: string,
): Promise<CaseloadEntry[]> {
  const now = deps.clock.now();
  const open = await deps.cases.open({ counsellorId });
  const entries = await Promise.all(
    open.map(async (entry) => {
      const appointments = await deps.appointments.ofFounder(entry.founderId);
      const ofCase = appointments.filter((a) => a.caseId === entry.caseId);
      return caseloadEntry(entry, ofCase, deps.policy, now);
    }),
  );
  return entries.sort(
    (a, b) =>
      b.overdue.length - a.overdue.length || a.assignedAt.getTime() - b.assignedAt.getTime(),
  );
}

/** A counsellor asks for their own caseload; a lead may ask for anyone's. */
export async function caseloadFor(deps: Dependencies, actor: Actor, counsellorId?: string) {
  if (actor.kind !== 'staff') throw forbidden('Caseloads are for staff');
  const target = counsellorId ?? actor.staffId;
  if (!isLead(actor) && !(isCounsellor(actor) && target === actor.staffId)) {
    throw forbidden('A counsellor sees only their own caseload');
  }
  return { counsellorId: target, cases: await caseloadOf(deps, target) };
}

/** The lead's view: every counsellor's load against capacity, and how much is overdue. */
export async function teamOverview(deps: Dependencies, actor: Actor) {
  if (!isLead(actor)) throw forbidden('Only a lead sees every caseload');
  const today = localDateOf(deps.clock.now());
  const team = await deps.counsellors.all();
  return Promise.all(
    team.map(async (counsellor) => {
      const cases = await caseloadOf(deps, counsellor.counsellorId);
      return {
        counsellorId: counsellor.counsellorId,
        name: counsellor.name,
        active: counsellor.active,
        awayToday: awayOn(counsellor, today),
        openCases: cases.length,
        capacity: counsellor.capacity,
        load: Math.round((cases.length / Math.max(counsellor.capacity, 1)) * 100) / 100,
        casesWithOverdue: cases.filter((c) => c.overdue.length > 0).length,
      };
    }),
  );
}

/** The counsellor's feed: 60 days back and a year ahead. */
export async function calendarOf(deps: Dependencies, counsellorId: string): Promise<string> {
  await counsellorOf(deps, counsellorId);
  const now = deps.clock.now();
  const appointments = await deps.appointments.ofCounsellor(
    counsellorId,
    new Date(now.getTime() - 60 * DAY_MS),
    new Date(now.getTime() + 366 * DAY_MS),
  );
  return renderCalendar(counsellorId, appointments, now);
}
