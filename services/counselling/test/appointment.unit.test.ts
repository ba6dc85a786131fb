import {
  bookAppointment,
  cancelAppointment,
  completeAppointment,
  noShowsInARow,
  recordNoShow,
  rescheduleAppointment,
  sessionsUsed,
} from '../src/domain/appointment';
import { isRefusal } from '../src/domain/case';
import { caseloadEntry } from '../src/domain/caseload';
import { foldLine, renderCalendar } from '../src/domain/icalendar';
import { anAppointment } from './builders';

const at = (iso: string) => new Date(iso);
const slot = { startsAt: at('2026-03-02T08:00:00Z'), endsAt: at('2026-03-02T08:45:00Z') };

describe('an appointment', () => {
  it('is booked with its buffer, and needs confirmation when asked to', () => {
    const booked = bookAppointment(
      {
        appointmentId: 'ap',
        caseId: 'c',
        founderId: 'f',
        counsellorId: 'k',
        kind: 'follow-up',
        mode: 'video',
        slot,
        bufferMinutes: 15,
        bookedBy: 'founder',
        needsConfirmation: true,
      },
      at('2026-02-01T00:00:00Z'),
    );
    expect(booked).toMatchObject({ status: 'booked', confirmed: false });
    expect(booked.blockedUntil.toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('remembers where it was moved from, and cannot move once cancelled', () => {
    const moved = rescheduleAppointment(anAppointment(), slot, 15);
    if (isRefusal(moved)) throw new Error(moved.refused);
    expect(moved.rescheduledFrom).toEqual([anAppointment().startsAt]);
    const cancelled = cancelAppointment(
      anAppointment(),
      'founder',
      'illness',
      at('2026-02-10T00:00:00Z'),
    );
    if (isRefusal(cancelled)) throw new Error(cancelled.refused);
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'founder',
      cancelReasonCode: 'illness',
    });
    expect(rescheduleAppointment(cancelled, slot, 15)).toEqual({
      refused: 'The appointment is cancelled, no longer booked.',
    });
  });

  it('is completed or missed only once it has started', () => {
    const appointment = anAppointment();
    const early = new Date(appointment.startsAt.getTime() - 60_000);
    expect(completeAppointment(appointment, { milestones: [] }, early)).toEqual({
      refused: 'The appointment has not started yet.',
    });
    const done = completeAppointment(
      appointment,
      { notes: 'plan', milestones: ['business-plan-ready'] },
      appointment.endsAt,
    );
    expect(done).toMatchObject({
      status: 'completed',
      notes: 'plan',
      milestones: ['business-plan-ready'],
    });
    expect(recordNoShow(appointment, appointment.startsAt)).toMatchObject({ status: 'no-show' });
  });

  it('counts no-shows in a row since the last attended session, and sessions used', () => {
    const history = [
      anAppointment({ startsAt: at('2026-01-05T08:00:00Z'), status: 'no-show' }),
      anAppointment({ startsAt: at('2026-01-12T08:00:00Z'), status: 'completed' }),
      anAppointment({ startsAt: at('2026-01-19T08:00:00Z'), status: 'no-show' }),
      anAppointment({ startsAt: at('2026-01-26T08:00:00Z'), status: 'cancelled' }),
      anAppointment({ startsAt: at('2026-02-02T08:00:00Z'), status: 'no-show' }),
    ];
    expect(noShowsInARow(history)).toBe(2);
    expect(noShowsInARow(history.slice(0, 2))).toBe(0);
    expect(sessionsUsed(history)).toBe(4);
  });
});

describe('a caseload entry', () => {
  const policy = { firstMeetingWithinDays: 10, followUpWithinDays: 30 };
  const aCase = {
    caseId: 'c',
    founderId: 'f',
    applicationId: 'a',
    counsellorId: 'k',
    reasonCode: 'lowest-load',
    reason: '',
    assignedAt: at('2026-01-01T00:00:00Z'),
    status: 'open' as const,
    history: [],
  };

  it('is overdue when no first meeting is booked in time', () => {
    const entry = caseloadEntry(aCase, [], policy, at('2026-01-12T00:00:00Z'));
    expect(entry.stage).toBe('awaiting-first-meeting');
    expect(entry.overdue.map((o) => o.code)).toEqual(['first-meeting-not-booked']);
    expect(caseloadEntry(aCase, [], policy, at('2026-01-05T00:00:00Z')).overdue).toEqual([]);
  });

  it('shows the next appointment, and a past one without outcome as overdue', () => {
    const past = anAppointment({
      appointmentId: 'past',
      startsAt: at('2026-01-05T08:00:00Z'),
      endsAt: at('2026-01-05T08:45:00Z'),
    });
    const next = anAppointment({ appointmentId: 'next', startsAt: at('2026-01-20T08:00:00Z') });
    const entry = caseloadEntry(aCase, [next, past], policy, at('2026-01-10T00:00:00Z'));
    expect(entry.nextAppointment?.appointmentId).toBe('next');
    expect(entry.overdue.map((o) => o.code)).toEqual(['outcome-not-recorded']);
  });

  it('moves to company-registered with that milestone, and wants a follow-up booked', () => {
    const held = anAppointment({
      status: 'completed',
      startsAt: at('2026-01-05T08:00:00Z'),
      milestones: ['company-registered'],
    });
    const entry = caseloadEntry(aCase, [held], policy, at('2026-03-01T00:00:00Z'));
    expect(entry.stage).toBe('company-registered');
    expect(entry.overdue.map((o) => o.code)).toEqual(['follow-up-not-booked']);
  });
});

describe('the iCalendar feed', () => {
  it('uses CRLF, UTC times and one event per appointment, without personal data', () => {
    const feed = renderCalendar(
      'k',
      [anAppointment({ notes: 'private words' })],
      at('2026-02-01T10:00:00Z'),
    );
    expect(feed.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(feed.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(feed.split('\r\n').join('')).not.toMatch(/\n/);
    expect(feed).toContain('\r\nDTSTART:20260302T080000Z\r\n');
    expect(feed).toContain('\r\nDTEND:20260302T084500Z\r\n');
    expect(feed).not.toContain('private words');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'æ'.repeat(100)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.every((part) => new TextEncoder().encode(part).length <= 75)).toBe(true);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
  });
});
