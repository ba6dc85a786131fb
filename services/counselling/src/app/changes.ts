import type { OutboxEvent } from '@grunderboost/messaging';
import { canReadNotes, isLead, partyOf, type Actor } from '../domain/access';
import {
  cancelAppointment,
  completeAppointment,
  confirmAppointment,
  recordNoShow,
  rescheduleAppointment,
  type Appointment,
  type Party,
} from '../domain/appointment';
import type { Refusal } from '../domain/case';
import { cellsOf, claimOrRefuse, ensureBookable, slotOf } from './booking';
import { counsellorOf, visibleAppointment } from './calendar-access';
import type { Dependencies } from './dependencies';
import type { Loaded } from './ports';
import { accepted, forbidden, staleWrite } from './problems';

type Decide = (current: Appointment) => Appointment | Refusal;

/** Read, decide, write with the version read; one change of an appointment at a time. */
async function change(
  deps: Dependencies,
  loaded: Loaded<Appointment>,
  decide: Decide,
  eventsOf: (next: Appointment) => OutboxEvent[],
): Promise<Appointment> {
  const next = accepted(decide(loaded.value));
  if (!(await deps.appointments.update(next, loaded.version, eventsOf(next)))) throw staleWrite();
  deps.events.written();
  return next;
}

const locked = <T>(deps: Dependencies, appointmentId: string, task: () => Promise<T>) =>
  deps.locks(appointmentId, task);

export function reschedule(
  deps: Dependencies,
  actor: Actor,
  appointmentId: string,
  startsAt: Date,
) {
  return locked(deps, appointmentId, async () => {
    const loaded = await visibleAppointment(deps, actor, appointmentId);
    const current = loaded.value;
    const counsellor = await counsellorOf(deps, current.counsellorId);
    const slot = slotOf(current.kind, startsAt);
    await ensureBookable(deps, counsellor, slot, current.mode, appointmentId);
    const moved = accepted(rescheduleAppointment(current, slot, counsellor.bufferMinutes));
    const oldCells = cellsOf(current);
    const held = new Set(oldCells.map((cell) => cell.getTime()));
    const fresh = cellsOf(moved).filter((cell) => !held.has(cell.getTime()));
    await claimOrRefuse(deps, moved, fresh);
    const next = await change(
      deps,
      loaded,
      () => moved,
      (a) => [deps.events.rescheduled(a, current.startsAt)],
    ).catch(async (error: unknown) => {
      await deps.claims.release(current.counsellorId, fresh, appointmentId);
      throw error;
    });
    const kept = new Set(cellsOf(next).map((cell) => cell.getTime()));
    await deps.claims.release(
      current.counsellorId,
      oldCells.filter((c) => !kept.has(c.getTime())),
      appointmentId,
    );
    return next;
  });
}

/** Cancels and gives the slot back. `by` is the actor's party unless the system cancels. */
export async function cancelLoaded(
  deps: Dependencies,
  loaded: Loaded<Appointment>,
  by: Party,
  reasonCode: string,
): Promise<Appointment> {
  const next = await change(
    deps,
    loaded,
    (a) => cancelAppointment(a, by, reasonCode, deps.clock.now()),
    (a) => [deps.events.cancelled(a)],
  );
  await deps.claims.release(next.counsellorId, cellsOf(loaded.value), next.appointmentId);
  return next;
}

export function cancel(
  deps: Dependencies,
  actor: Actor,
  appointmentId: string,
  reasonCode: string,
) {
  return locked(deps, appointmentId, async () => {
    const loaded = await visibleAppointment(deps, actor, appointmentId);
    return cancelLoaded(deps, loaded, partyOf(actor), reasonCode);
  });
}

export function confirm(deps: Dependencies, actor: Actor, appointmentId: string) {
  return locked(deps, appointmentId, async () => {
    const loaded = await visibleAppointment(deps, actor, appointmentId);
    if (actor.kind !== 'founder') throw forbidden('Only the founder confirms their booking');
    return change(deps, loaded, confirmAppointment, () => []);
  });
}

async function staffChange(deps: Dependencies, actor: Actor, appointmentId: string) {
  const loaded = await visibleAppointment(deps, actor, appointmentId);
  if (actor.kind !== 'staff') throw forbidden('Only the counsellor records how a session went');
  return loaded;
}

export interface Completion {
  notes?: string | undefined;
  milestones: Array<{ milestone: string; organisationNumber?: string | undefined }>;
}

export function complete(
  deps: Dependencies,
  actor: Actor,
  appointmentId: string,
  outcome: Completion,
) {
  return locked(deps, appointmentId, async () => {
    const loaded = await staffChange(deps, actor, appointmentId);
    const now = deps.clock.now();
    const milestones = outcome.milestones.map((m) => m.milestone);
    return change(
      deps,
      loaded,
      (a) => completeAppointment(a, { notes: outcome.notes, milestones }, now),
      (a) => [
        deps.events.completed(a),
        ...outcome.milestones.map((reached) =>
          deps.events.milestone(a.founderId, { milestoneId: deps.clock.newId(), ...reached }, now),
        ),
      ],
    );
  });
}

export function noShow(deps: Dependencies, actor: Actor, appointmentId: string) {
  return locked(deps, appointmentId, async () => {
    const loaded = await staffChange(deps, actor, appointmentId);
    return change(
      deps,
      loaded,
      (a) => recordNoShow(a, deps.clock.now()),
      (a) => [deps.events.noShow(a)],
    );
  });
}

/** The appointment as this actor may read it: notes only for the counsellor and leads. */
export async function view(deps: Dependencies, actor: Actor, appointmentId: string) {
  const { value } = await visibleAppointment(deps, actor, appointmentId);
  return withoutNotesFor(actor, value);
}

export function withoutNotesFor(actor: Actor, appointment: Appointment): Appointment {
  if (canReadNotes(actor, appointment) || isLead(actor)) return appointment;
  const rest = { ...appointment };
  delete rest.notes;
  return rest;
}

/** Cancels the founder's future bookings with a counsellor (reassignment, closing). */
export async function cancelFutureOf(
  deps: Dependencies,
  founderId: string,
  counsellorId: string,
  reasonCode: string,
) {
  const now = deps.clock.now();
  const future = (await deps.appointments.ofFounder(founderId)).filter(
    (a) => a.status === 'booked' && a.counsellorId === counsellorId && a.startsAt > now,
  );
  for (const appointment of future) {
    await locked(deps, appointment.appointmentId, async () => {
      const loaded = await deps.appointments.get(appointment.appointmentId);
      if (loaded?.value.status === 'booked')
        await cancelLoaded(deps, loaded, 'counsellor', reasonCode);
    });
  }
  return future.length;
}
