import { appendToOutbox, newOutbox, type OutboxFields } from '@grunderboost/messaging';
import type mongoose from 'mongoose';
import type { AppointmentRepository } from '../app/ports';
import type { Appointment } from '../domain/appointment';
import { compact, withoutStorageFields } from './documents';

export const APPOINTMENTS_COLLECTION = 'appointments';

export interface AppointmentDocument extends Omit<Appointment, 'appointmentId'>, OutboxFields {
  _id: string;
  version: number;
}

export type AppointmentCollection = mongoose.mongo.Collection<AppointmentDocument>;

function toAppointment(document: AppointmentDocument): Appointment {
  return { appointmentId: document._id, ...withoutStorageFields(document) } as Appointment;
}

const fieldsOf = ({ appointmentId: _id, ...fields }: Appointment) => compact({ ...fields });

export function appointmentCollection(connection: mongoose.Connection): AppointmentCollection {
  return connection.collection<AppointmentDocument>(APPOINTMENTS_COLLECTION);
}

export async function ensureAppointmentIndexes(collection: AppointmentCollection): Promise<void> {
  await collection.createIndex({ founderId: 1 }, { name: 'founderId_1' });
  await collection.createIndex(
    { counsellorId: 1, startsAt: 1 },
    { name: 'counsellorId_1_startsAt_1' },
  );
  await collection.createIndex({ outboxNextAttemptAt: 1 }, { name: 'outboxNextAttemptAt_1' });
}

/** Appointments last at most a few hours; a day's margin finds every one that overlaps. */
const LONGEST_MS = 86_400_000;

export function mongoAppointmentStore(collection: AppointmentCollection): AppointmentRepository {
  return {
    async create(appointment, events) {
      await collection.insertOne({
        _id: appointment.appointmentId,
        ...fieldsOf(appointment),
        version: 1,
        ...newOutbox(events, appointment.bookedAt),
      });
    },
    async update(appointment, expectedVersion, events) {
      const outbox = appendToOutbox(events, new Date());
      const result = await collection.updateOne(
        { _id: appointment.appointmentId, version: expectedVersion },
        {
          $set: { ...fieldsOf(appointment), ...outbox.$set },
          $push: outbox.$push,
          $inc: { ...outbox.$inc, version: 1 },
        },
      );
      return result.matchedCount === 1;
    },
    async get(appointmentId) {
      const document = await collection.findOne({ _id: appointmentId });
      return document === null
        ? undefined
        : { value: toAppointment(document), version: document.version };
    },
    async ofFounder(founderId) {
      const documents = await collection.find({ founderId }).sort({ startsAt: 1 }).toArray();
      return documents.map(toAppointment);
    },
    async ofCounsellor(counsellorId, from, until) {
      const documents = await collection
        .find({
          counsellorId,
          startsAt: { $lt: until, $gte: new Date(from.getTime() - LONGEST_MS) },
        })
        .sort({ startsAt: 1 })
        .toArray();
      return documents.map(toAppointment).filter((a) => a.blockedUntil > from);
    },
  };
}
