import { blockedBy, cellsCovering, freeSlots, isFreeSlot, windowsOn } from '../src/domain/slots';
import { aCounsellor } from './builders';

const longAgo = new Date('2020-01-01T00:00:00Z');
const iso = (slots: Array<{ startsAt: Date }>) => slots.map((s) => s.startsAt.toISOString());
const firstPerDay = (slots: Array<{ startsAt: Date }>) =>
  iso(slots).filter((t, i, all) => i === 0 || all[i - 1]?.slice(0, 10) !== t.slice(0, 10));

describe('free slots', () => {
  it('offers 45-minute sessions on the quarter-hour grid, leaving room for the buffer', () => {
    const counsellor = aCounsellor({ weekly: [{ weekday: 1, start: '09:00', end: '10:30' }] });
    const slots = freeSlots(counsellor, {
      from: '2026-02-02',
      to: '2026-02-02',
      durationMinutes: 45,
      blocked: [],
      notBefore: longAgo,
    });
    // 09:00 CET is 08:00Z; the last start whose session ends by 10:30 is 09:45.
    expect(iso(slots)).toEqual([
      '2026-02-02T08:00:00.000Z',
      '2026-02-02T08:15:00.000Z',
      '2026-02-02T08:30:00.000Z',
      '2026-02-02T08:45:00.000Z',
    ]);
    expect(slots[0]?.endsAt.toISOString()).toBe('2026-02-02T08:45:00.000Z');
  });

  it('keeps Friday and Monday at 09:00 local across the spring switch (29 March 2026)', () => {
    const slots = freeSlots(aCounsellor(), {
      from: '2026-03-27',
      to: '2026-03-30',
      durationMinutes: 60,
      blocked: [],
      notBefore: longAgo,
    });
    expect(firstPerDay(slots)).toEqual(['2026-03-27T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    expect(iso(slots).at(-1)).toBe('2026-03-30T12:00:00.000Z');
    // Saturday and Sunday have no weekly window.
    expect(iso(slots).some((t) => t.startsWith('2026-03-28') || t.startsWith('2026-03-29'))).toBe(
      false,
    );
  });

  it('keeps 09:00 local across the autumn switch (25 October 2026)', () => {
    const slots = freeSlots(aCounsellor(), {
      from: '2026-10-23',
      to: '2026-10-26',
      durationMinutes: 60,
      blocked: [],
      notBefore: longAgo,
    });
    expect(firstPerDay(slots)).toEqual(['2026-10-23T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
    expect(iso(slots).at(-1)).toBe('2026-10-26T13:00:00.000Z');
  });

  it('measures a night window on a switch day in real hours', () => {
    const sunday = (start: string, end: string) =>
      aCounsellor({ weekly: [{ weekday: 7, start, end }] });
    const hoursOf = (date: string, start: string, end: string) => {
      const [window] = windowsOn(sunday(start, end), date);
      return window === undefined ? 0 : (window.end.getTime() - window.start.getTime()) / 3_600_000;
    };
    expect(hoursOf('2026-03-29', '01:00', '04:00')).toBe(2);
    expect(hoursOf('2026-10-25', '01:00', '04:00')).toBe(4);
    expect(hoursOf('2026-03-22', '01:00', '04:00')).toBe(3);
  });

  it('offers nothing on a Norwegian public holiday (Kristi himmelfartsdag, 14 May 2026)', () => {
    const week = freeSlots(aCounsellor(), {
      from: '2026-05-13',
      to: '2026-05-15',
      durationMinutes: 60,
      blocked: [],
      notBefore: longAgo,
    });
    const days = new Set(iso(week).map((t) => t.slice(0, 10)));
    expect(days).toEqual(new Set(['2026-05-13', '2026-05-15']));
  });

  it('leaves out leave, holidays and unavailable hours, and adds extra hours', () => {
    const counsellor = aCounsellor({
      exceptions: [
        { kind: 'leave', from: '2026-06-01', to: '2026-06-02' },
        { kind: 'unavailable', date: '2026-06-03', start: '09:00', end: '14:00' },
        { kind: 'extra', date: '2026-06-06', start: '10:00', end: '11:00' },
      ],
    });
    const slots = freeSlots(counsellor, {
      from: '2026-06-01',
      to: '2026-06-06',
      durationMinutes: 60,
      blocked: [],
      notBefore: longAgo,
    });
    const byDay = (day: string) => iso(slots).filter((t) => t.startsWith(day));
    expect(byDay('2026-06-01')).toEqual([]);
    expect(byDay('2026-06-03')).toEqual(['2026-06-03T12:00:00.000Z']);
    expect(byDay('2026-06-06')).toEqual(['2026-06-06T08:00:00.000Z']);
  });

  it('subtracts bookings with their buffers, so neighbours keep the buffer in between', () => {
    const counsellor = aCounsellor({ weekly: [{ weekday: 1, start: '09:00', end: '12:00' }] });
    const booked = {
      startsAt: new Date('2026-02-02T09:00:00Z'),
      endsAt: new Date('2026-02-02T09:45:00Z'),
    };
    const slots = freeSlots(counsellor, {
      from: '2026-02-02',
      to: '2026-02-02',
      durationMinutes: 45,
      blocked: [blockedBy(booked, counsellor.bufferMinutes)],
      notBefore: longAgo,
    });
    // 10:00–10:45 local is booked until 11:00 with its buffer; a slot must also end 15
    // minutes before it starts.
    expect(iso(slots)).toEqual([
      '2026-02-02T08:00:00.000Z',
      '2026-02-02T10:00:00.000Z',
      '2026-02-02T10:15:00.000Z',
    ]);
  });

  it('offers nothing that starts before now', () => {
    const slots = freeSlots(aCounsellor(), {
      from: '2026-02-02',
      to: '2026-02-02',
      durationMinutes: 60,
      blocked: [],
      notBefore: new Date('2026-02-02T12:30:00Z'),
    });
    expect(iso(slots)).toEqual(['2026-02-02T12:45:00.000Z', '2026-02-02T13:00:00.000Z']);
  });

  it('recognises one free slot by the same rule as the list', () => {
    const slot = {
      startsAt: new Date('2026-02-02T08:00:00Z'),
      endsAt: new Date('2026-02-02T09:00:00Z'),
    };
    expect(isFreeSlot(aCounsellor(), slot, [], longAgo)).toBe(true);
    const offGrid = {
      startsAt: new Date('2026-02-02T08:05:00Z'),
      endsAt: new Date('2026-02-02T09:05:00Z'),
    };
    expect(isFreeSlot(aCounsellor(), offGrid, [], longAgo)).toBe(false);
    const sunday = {
      startsAt: new Date('2026-02-01T08:00:00Z'),
      endsAt: new Date('2026-02-01T09:00:00Z'),
    };
    expect(isFreeSlot(aCounsellor(), sunday, [], longAgo)).toBe(false);
  });
});

describe('grid cells', () => {
  it('are every quarter hour a booking and its buffer touch', () => {
    const cells = cellsCovering({
      start: new Date('2026-02-02T08:00:00Z'),
      end: new Date('2026-02-02T09:00:00Z'),
    });
    expect(cells.map((c) => c.toISOString().slice(11, 16))).toEqual([
      '08:00',
      '08:15',
      '08:30',
      '08:45',
    ]);
  });
});
