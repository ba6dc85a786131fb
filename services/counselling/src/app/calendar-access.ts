import type { Actor } from '../domain/access';
import { canSeeCase } from '../domain/access';
import type { Appointment } from '../domain/appointment';
import type { Case } from '../domain/case';
import type { Counsellor } from '../domain/counsellor';
import type { Interval } from '../domain/slots';
import type { Dependencies } from './dependencies';
import type { Loaded } from './ports';
import { ensureVisible } from './problems';
import { AppError } from '@grunderboost/service-kit';

const DAY_MS = 86_400_000;

/** What the counsellor's bookings keep from others around [from, until): each with its buffer. */
export async function blockedIntervals(
  deps: Dependencies,
  counsellorId: string,
  from: Date,
  until: Date,
  except?: string,
): Promise<Interval[]> {
  const around = await deps.appointments.ofCounsellor(
    counsellorId,
    new Date(from.getTime() - DAY_MS),
    new Date(until.getTime() + DAY_MS),
  );
  return around
    .filter((a) => a.status !== 'cancelled' && a.appointmentId !== except)
    .map((a) => ({ start: a.startsAt, end: a.blockedUntil }));
}

/** The founder's open case as the actor may see it; 404 otherwise. */
export async function visibleOpenCase(
  deps: Dependencies,
  actor: Actor,
  founderId: string,
): Promise<Loaded<Case>> {
  const open = await deps.cases.openOf(founderId);
  ensureVisible(actor, open?.value, 'open case');
  return open as Loaded<Case>;
}

export async function visibleAppointment(
  deps: Dependencies,
  actor: Actor,
  appointmentId: string,
): Promise<Loaded<Appointment>> {
  const loaded = await deps.appointments.get(appointmentId);
  const visible =
    loaded !== undefined &&
    (canSeeCase(actor, loaded.value) || (await seesCaseOf(deps, actor, loaded.value)));
  ensureVisible(actor, visible ? loaded.value : undefined, 'appointment');
  return loaded as Loaded<Appointment>;
}

/** A counsellor who took over a case sees its earlier appointments too. */
async function seesCaseOf(deps: Dependencies, actor: Actor, appointment: Appointment) {
  const entry = await deps.cases.get(appointment.caseId);
  return entry !== undefined && canSeeCase(actor, entry.value);
}

export async function counsellorOf(deps: Dependencies, counsellorId: string): Promise<Counsellor> {
  const counsellor = await deps.counsellors.get(counsellorId);
  if (counsellor === undefined) {
    throw new AppError({ status: 404, title: 'Not Found', detail: 'No such counsellor' });
  }
  return counsellor;
}
