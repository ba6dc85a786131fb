import { z } from 'zod';
import { dateTime, uuid } from '../primitives';

/**
 * Fields common to the five v1 appointment events. They belong to version 1: a later version of
 * one appointment event gets its own schema file instead of changing this shape.
 */

export const appointmentKinds = ['first-meeting', 'follow-up', 'business-plan-review'] as const;
export const appointmentModes = ['in-person', 'video', 'phone'] as const;

export const appointmentFieldsV1 = {
  appointmentId: uuid(),
  founderId: uuid(),
  counsellorId: uuid(),
  kind: z.enum(appointmentKinds),
  mode: z.enum(appointmentModes),
  startsAt: dateTime(),
  endsAt: dateTime(),
};

/**
 * Refinement shared by the appointment schemas: a slot that ends before it starts is a producer
 * bug, and consumers computing durations or calendars should never have to cope with it.
 */
export function endsAfterStart(appointment: { startsAt: string; endsAt: string }): boolean {
  return Date.parse(appointment.endsAt) > Date.parse(appointment.startsAt);
}

export const endsAfterStartIssue = {
  message: 'endsAt must be later than startsAt',
  path: ['endsAt'],
};
