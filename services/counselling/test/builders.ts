import type { Appointment } from '../src/domain/appointment';
import type { Counsellor } from '../src/domain/counsellor';

/** Monday to Friday 09:00–15:00, Norwegian and English, 15 minutes' buffer. */
export function aCounsellor(overrides: Partial<Counsellor> = {}): Counsellor {
  return {
    counsellorId: '11111111-1111-4111-8111-111111111111',
    name: 'Kari',
    languages: ['nb', 'en'],
    sectors: [],
    offices: ['Drammen'],
    capacity: 20,
    bufferMinutes: 15,
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '15:00' })),
    exceptions: [],
    active: true,
    ...overrides,
  };
}

export function anAppointment(overrides: Partial<Appointment> = {}): Appointment {
  const startsAt = overrides.startsAt ?? new Date('2026-03-02T08:00:00Z');
  return {
    appointmentId: 'ap-1',
    caseId: 'case-1',
    founderId: 'f-1',
    counsellorId: '11111111-1111-4111-8111-111111111111',
    kind: 'follow-up',
    mode: 'video',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 45 * 60_000),
    blockedUntil: new Date(startsAt.getTime() + 60 * 60_000),
    status: 'booked',
    confirmed: true,
    bookedBy: 'founder',
    bookedAt: new Date('2026-02-01T10:00:00Z'),
    rescheduledFrom: [],
    milestones: [],
    ...overrides,
  };
}
