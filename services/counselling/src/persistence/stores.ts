import type mongoose from 'mongoose';
import type { Counsellor } from '../domain/counsellor';
import {
  appointmentCollection,
  ensureAppointmentIndexes,
  mongoAppointmentStore,
} from './appointment-store';
import { caseCollection, ensureCaseIndexes, mongoCaseStore } from './case-store';
import { mongoCounsellorStore } from './counsellor-store';
import { ensureSlotClaimIndexes, mongoSlotClaims, slotClaimCollection } from './slot-claims';

/** A profile a lead then edits: Monday to Friday 09:00–15:00, Norwegian and English. */
export function defaultCounsellor(counsellorId: string, index: number): Counsellor {
  return {
    counsellorId,
    name: `Counsellor ${index + 1}`,
    languages: ['nb', 'en'],
    sectors: [],
    offices: ['Drammen'],
    capacity: 30,
    bufferMinutes: 15,
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '15:00' })),
    exceptions: [],
    active: true,
  };
}

/** The repositories on one database, with their indexes, and the starting team seeded. */
export async function openStores(connection: mongoose.Connection, seedIds: readonly string[]) {
  const cases = caseCollection(connection);
  const appointments = appointmentCollection(connection);
  const claims = slotClaimCollection(connection);
  await Promise.all([
    ensureCaseIndexes(cases),
    ensureAppointmentIndexes(appointments),
    ensureSlotClaimIndexes(claims),
  ]);
  const counsellors = mongoCounsellorStore(connection);
  await counsellors.seed(seedIds.map(defaultCounsellor));
  const appointmentStore = mongoAppointmentStore(appointments);
  const isOrphan = async (appointmentId: string, cell: Date) => {
    const holder = await appointmentStore.get(appointmentId);
    if (holder === undefined || holder.value.status === 'cancelled') return true;
    return cell < holder.value.startsAt || cell >= holder.value.blockedUntil;
  };
  return {
    repositories: {
      counsellors,
      cases: mongoCaseStore(cases),
      appointments: appointmentStore,
      claims: mongoSlotClaims(claims, isOrphan),
    },
    outboxCollections: [
      { name: 'cases', collection: cases as unknown as mongoose.mongo.Collection<never> },
      {
        name: 'appointments',
        collection: appointments as unknown as mongoose.mongo.Collection<never>,
      },
    ],
  };
}
