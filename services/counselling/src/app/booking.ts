import type { Actor } from '../domain/access';
import { partyOf } from '../domain/access';
import {
  bookAppointment,
  DURATION_MINUTES,
  noShowsInARow,
  sessionsUsed,
  type Appointment,
  type AppointmentKind,
  type AppointmentMode,
} from '../domain/appointment';
import { isDigitalOnly, type Counsellor } from '../domain/counsellor';
import { cellsCovering, freeSlots, isFreeSlot, type Slot } from '../domain/slots';
import type { LocalDate } from '../domain/oslo-time';
import { osloInstant } from '../domain/oslo-time';
import { blockedIntervals, counsellorOf, visibleOpenCase } from './calendar-access';
import type { Dependencies } from './dependencies';
import { conflictWith } from './problems';
import { AppError } from '@grunderboost/service-kit';

export interface SlotRequest {
  from: LocalDate;
  to: LocalDate;
  kind: AppointmentKind;
}

export const slotOf = (kind: AppointmentKind, startsAt: Date): Slot => ({
  startsAt,
  endsAt: new Date(startsAt.getTime() + DURATION_MINUTES[kind] * 60_000),
});

/** The free slots of the founder's counsellor, for the founder or staff who see the case. */
export async function slotsForFounder(
  deps: Dependencies,
  actor: Actor,
  founderId: string,
  request: SlotRequest,
): Promise<Slot[]> {
  const open = await visibleOpenCase(deps, actor, founderId);
  return slotsOf(deps, await counsellorOf(deps, open.value.counsellorId), request);
}

export async function slotsOf(deps: Dependencies, counsellor: Counsellor, request: SlotRequest) {
  if (!counsellor.active) return [];
  const from = osloInstant(request.from, 0);
  const until = osloInstant(request.to, 24 * 60);
  const blocked = await blockedIntervals(deps, counsellor.counsellorId, from, until);
  return freeSlots(counsellor, {
    from: request.from,
    to: request.to,
    durationMinutes: DURATION_MINUTES[request.kind],
    blocked,
    notBefore: deps.clock.now(),
  });
}

export interface BookRequest {
  kind: AppointmentKind;
  mode: AppointmentMode;
  startsAt: Date;
  /** Staff only: book beyond the founder's free allowance. */
  beyondAllowance?: boolean | undefined;
}

/** Checks the slot is open on the counsellor's calendar right now; the claim decides races. */
export async function ensureBookable(
  deps: Dependencies,
  counsellor: Counsellor,
  slot: Slot,
  mode: AppointmentMode,
  except?: string,
): Promise<void> {
  if (mode === 'in-person' && isDigitalOnly(counsellor)) {
    throw conflictWith('This counsellor meets by video or phone only', 'digital-only');
  }
  const blocked = await blockedIntervals(
    deps,
    counsellor.counsellorId,
    slot.startsAt,
    slot.endsAt,
    except,
  );
  if (!counsellor.active || !isFreeSlot(counsellor, slot, blocked, deps.clock.now())) {
    throw conflictWith('The slot is not available', 'slot-unavailable');
  }
}

async function allowanceAndConfirmation(
  deps: Dependencies,
  actor: Actor,
  founderId: string,
  request: BookRequest,
): Promise<boolean> {
  const history = await deps.appointments.ofFounder(founderId);
  const used = sessionsUsed(history);
  const staff = actor.kind === 'staff';
  if (used >= deps.policy.freeSessions && !(staff && request.beyondAllowance === true)) {
    throw new AppError({
      status: 409,
      title: 'Conflict',
      detail: `The free allowance of ${deps.policy.freeSessions} sessions is used up; a counsellor can book more`,
      extensions: { code: 'allowance-used', used, allowance: deps.policy.freeSessions },
    });
  }
  return noShowsInARow(history) >= 2;
}

export async function book(
  deps: Dependencies,
  actor: Actor,
  founderId: string,
  request: BookRequest,
): Promise<Appointment> {
  const open = await visibleOpenCase(deps, actor, founderId);
  const counsellor = await counsellorOf(deps, open.value.counsellorId);
  const slot = slotOf(request.kind, request.startsAt);
  await ensureBookable(deps, counsellor, slot, request.mode);
  const needsConfirmation = await allowanceAndConfirmation(deps, actor, founderId, request);
  const appointment = bookAppointment(
    {
      appointmentId: deps.clock.newId(),
      caseId: open.value.caseId,
      founderId,
      counsellorId: counsellor.counsellorId,
      kind: request.kind,
      mode: request.mode,
      slot,
      bufferMinutes: counsellor.bufferMinutes,
      bookedBy: partyOf(actor),
      needsConfirmation,
    },
    deps.clock.now(),
  );
  await claimOrRefuse(deps, appointment);
  try {
    await deps.appointments.create(appointment, [deps.events.booked(appointment)]);
  } catch (error) {
    await deps.claims.release(
      appointment.counsellorId,
      cellsOf(appointment),
      appointment.appointmentId,
    );
    throw error;
  }
  deps.events.written();
  return appointment;
}

export const cellsOf = (appointment: Appointment) =>
  cellsCovering({ start: appointment.startsAt, end: appointment.blockedUntil });

export async function claimOrRefuse(
  deps: Dependencies,
  appointment: Appointment,
  cells = cellsOf(appointment),
) {
  const claimed = await deps.claims.claim(
    appointment.counsellorId,
    cells,
    appointment.appointmentId,
  );
  if (claimed === 'taken') throw conflictWith('The slot was just taken', 'slot-taken');
}
