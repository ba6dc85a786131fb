import { easterSunday, norwegianPublicHolidays } from '../src/domain/holidays';
import {
  addDays,
  localDateOf,
  localTimeOf,
  osloInstant,
  osloOffsetMinutes,
  weekdayOf,
} from '../src/domain/oslo-time';

describe('Oslo wall-clock time', () => {
  it('is one hour ahead of UTC in winter and two in summer', () => {
    expect(osloOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(osloOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(120);
  });

  it('turns local times into the right instants on both sides of the spring switch', () => {
    expect(osloInstant('2026-03-27', 9 * 60).toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(osloInstant('2026-03-30', 9 * 60).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('moves a time in the spring gap forward, as the wall clock does', () => {
    // 29 March 2026: 02:00 jumps to 03:00; 02:30 does not exist.
    expect(osloInstant('2026-03-29', 150).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(localTimeOf(osloInstant('2026-03-29', 150))).toBe('03:30');
  });

  it('takes the first of the two 02:30s of the autumn night', () => {
    // 25 October 2026: 03:00 falls back to 02:00; 02:30 happens at 00:30Z and at 01:30Z.
    expect(osloInstant('2026-10-25', 150).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(osloInstant('2026-10-26', 9 * 60).toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('knows dates, weekdays and the end of the day', () => {
    expect(localDateOf(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
    expect(weekdayOf('2026-03-30')).toBe(1);
    expect(weekdayOf('2026-03-29')).toBe(7);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(osloInstant('2026-06-01', 24 * 60).toISOString()).toBe('2026-06-01T22:00:00.000Z');
  });
});

describe('Norwegian public holidays', () => {
  it('finds Easter by the computus', () => {
    expect(['2024', '2025', '2026', '2027'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
    ]);
  });

  it('lists the twelve holidays of 2026', () => {
    expect([...norwegianPublicHolidays(2026).keys()].sort()).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-17',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
  });
});
