import { randomUUID } from 'node:crypto';
import { parseEvent } from '@grunderboost/contracts';
import { waitFor } from '@grunderboost/testkit';
import type { RunningService } from '../src/service';
import {
  call,
  collectTopic,
  dropDatabase,
  founderLink,
  newWorld,
  staffToken,
  startCounselling,
  testClock,
  type TestWorld,
} from './support';

const COUNSELLOR = '55555555-5555-4555-8555-555555555555';
const TOPICS = ['counselling.assignments', 'counselling.appointments', 'counselling.milestones'];
const clock = testClock('2026-03-02T06:00:00Z');
let world: TestWorld;
let service: RunningService;
let reader: Awaited<ReturnType<typeof collectTopic>>;
let counsellor: { staff: string };

beforeAll(async () => {
  world = await newWorld();
  service = await startCounselling(
    world,
    { COUNSELLOR_IDS: COUNSELLOR, FREE_SESSIONS: '6' },
    { clock },
  );
  reader = await collectTopic(world, TOPICS);
  counsellor = { staff: await staffToken(COUNSELLOR, ['counsellor']) };
});

afterAll(async () => {
  await reader?.stop();
  await service?.stop();
  await dropDatabase(world);
});

interface Appointment {
  appointmentId: string;
  status: string;
  startsAt: string;
  confirmed: boolean;
  notes?: string;
}

/** The events of a founder that arrived on Kafka, parsed by the contracts. */
function eventsOf(founderId: string) {
  return reader.received
    .filter((message) => message.key === founderId)
    .map((message) => {
      const parsed = parseEvent(JSON.parse(message.value));
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.event;
    });
}

async function newFounder() {
  const founderId = randomUUID();
  const applicationId = randomUUID();
  await call(service.url, 'POST', '/assignments', { body: { founderId, applicationId } });
  return { founderId, as: { founder: founderLink(applicationId) } };
}

const bookAs = (founderId: string, as: object, startsAt: string, kind = 'follow-up') =>
  call<Appointment>(service.url, 'POST', `/cases/${founderId}/appointments`, {
    as: as as { founder: string },
    body: { kind, mode: 'video', startsAt },
  });

const act = (id: string, action: string, as: object, body: unknown = {}) =>
  call<Appointment>(service.url, 'POST', `/appointments/${id}/${action}`, {
    as: as as { staff: string },
    body,
  });

describe('the appointment life cycle', () => {
  it('books, moves, completes with private notes and milestones, and tells Kafka', async () => {
    const { founderId, as } = await newFounder();
    const booked = await bookAs(founderId, as, '2026-03-04T10:00:00+01:00', 'first-meeting');
    expect(booked.status).toBe(201);
    const id = booked.body.appointmentId;

    const moved = await act(id, 'reschedule', as, { startsAt: '2026-03-05T13:00:00+01:00' });
    expect(moved.body).toMatchObject({ status: 'booked', startsAt: '2026-03-05T12:00:00.000Z' });
    // The old time is free again: another founder can take it.
    const other = await newFounder();
    expect((await bookAs(other.founderId, other.as, '2026-03-04T10:00:00+01:00')).status).toBe(201);

    const early = await act(id, 'complete', counsellor, { milestones: [] });
    expect(early.status).toBe(409);
    clock.set('2026-03-05T13:00:00Z');
    const done = await act(id, 'complete', counsellor, {
      notes: 'Budget looks thin; revisit pricing.',
      milestones: [{ milestone: 'business-plan-ready' }],
    });
    expect(done.body).toMatchObject({
      status: 'completed',
      notes: 'Budget looks thin; revisit pricing.',
    });

    const seenByFounder = await call<Appointment>(service.url, 'GET', `/appointments/${id}`, {
      as,
    });
    expect(seenByFounder.body.status).toBe('completed');
    expect(seenByFounder.body.notes).toBeUndefined();

    const types = () => eventsOf(founderId).map((event) => event.type);
    await waitFor(() => types().length >= 5, { description: "the founder's five events" });
    expect(types().sort()).toEqual([
      'counselling.AppointmentBooked.v1',
      'counselling.AppointmentCompleted.v1',
      'counselling.AppointmentRescheduled.v1',
      'counselling.CounsellorAssigned.v1',
      'counselling.MilestoneReached.v1',
    ]);
    const rescheduled = eventsOf(founderId).find(
      (e) => e.type === 'counselling.AppointmentRescheduled.v1',
    );
    expect(rescheduled?.data).toMatchObject({ previousStartsAt: '2026-03-04T09:00:00.000Z' });
    expect(JSON.stringify(reader.received)).not.toContain('Budget looks thin');
  });

  it('cancels with a reason, and after two no-shows the founder must confirm', async () => {
    clock.set('2026-03-09T06:00:00Z');
    const { founderId, as } = await newFounder();
    const first = await bookAs(founderId, as, '2026-03-09T09:00:00+01:00');
    const cancelled = await act(first.body.appointmentId, 'cancel', as, { reasonCode: 'illness' });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'founder',
      cancelReasonCode: 'illness',
    });

    for (const start of ['2026-03-09T11:00:00+01:00', '2026-03-10T11:00:00+01:00']) {
      clock.set('2026-03-09T06:00:00Z');
      const booked = await bookAs(founderId, counsellor, start);
      clock.set('2026-03-11T06:00:00Z');
      expect((await act(booked.body.appointmentId, 'no-show', counsellor)).body.status).toBe(
        'no-show',
      );
    }
    const third = await bookAs(founderId, as, '2026-03-12T09:00:00+01:00');
    expect(third.body.confirmed).toBe(false);
    const caseload = await call<{
      cases: Array<{ founderId: string; overdue: Array<{ code: string }> }>;
    }>(service.url, 'GET', '/caseload', { as: counsellor });
    const entry = caseload.body.cases.find((c) => c.founderId === founderId);
    expect(entry?.overdue.map((o) => o.code)).toContain('confirmation-missing');
    expect((await act(third.body.appointmentId, 'confirm', counsellor)).status).toBe(403);
    expect((await act(third.body.appointmentId, 'confirm', as)).body.confirmed).toBe(true);

    await waitFor(
      () => eventsOf(founderId).some((e) => e.type === 'counselling.AppointmentCancelled.v1'),
      {
        description: 'the cancellation on Kafka',
      },
    );
    const cancellation = eventsOf(founderId).find(
      (e) => e.type === 'counselling.AppointmentCancelled.v1',
    );
    expect(cancellation?.data).toMatchObject({ cancelledBy: 'founder', reasonCode: 'illness' });
    await waitFor(
      () =>
        eventsOf(founderId).filter((e) => e.type === 'counselling.AppointmentNoShow.v1').length ===
        2,
      {
        description: 'two no-shows on Kafka',
      },
    );
  });

  it('shows what is overdue in the caseload and refuses bookings beyond the free allowance', async () => {
    clock.set('2026-03-16T06:00:00Z');
    const { founderId, as } = await newFounder();
    const starts = ['16', '17', '18', '19', '20', '23'].map(
      (day) => `2026-03-${day}T09:00:00+01:00`,
    );
    for (const start of starts) expect((await bookAs(founderId, as, start)).status).toBe(201);
    const seventh = await bookAs(founderId, as, '2026-03-24T09:00:00+01:00');
    expect(seventh.status).toBe(409);
    expect(seventh.body).toMatchObject({ code: 'allowance-used', allowance: 6 });
    const beyond = await call(service.url, 'POST', `/cases/${founderId}/appointments`, {
      as: counsellor,
      body: {
        kind: 'follow-up',
        mode: 'phone',
        startsAt: '2026-03-24T09:00:00+01:00',
        beyondAllowance: true,
      },
    });
    expect(beyond.status).toBe(201);

    clock.set('2026-03-17T12:00:00Z');
    const caseload = await call<{
      cases: Array<{
        founderId: string;
        nextAppointment?: { startsAt: string };
        overdue: Array<{ code: string }>;
      }>;
    }>(service.url, 'GET', '/caseload', { as: counsellor });
    const entry = caseload.body.cases.find((c) => c.founderId === founderId);
    expect(entry?.nextAppointment?.startsAt).toBe('2026-03-18T08:00:00.000Z');
    expect(entry?.overdue.map((o) => o.code)).toEqual([
      'outcome-not-recorded',
      'outcome-not-recorded',
    ]);
  });
});
