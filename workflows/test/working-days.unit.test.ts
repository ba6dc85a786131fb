import { addMonths, addWorkingDays, easterSunday, isWorkingDay } from '../src';

const at = (iso: string) => Date.parse(iso);
const iso = (time: number) => new Date(time).toISOString();

describe('working days in Norway', () => {
  it('computes Easter Sunday', () => {
    expect(iso(easterSunday(2026))).toBe('2026-04-05T00:00:00.000Z');
    expect(iso(easterSunday(2027))).toBe('2027-03-28T00:00:00.000Z');
    expect(iso(easterSunday(2000))).toBe('2000-04-23T00:00:00.000Z');
  });

  it('skips weekends', () => {
    // Friday 2026-11-20 + 1 working day = Monday 2026-11-23, same time of day.
    expect(iso(addWorkingDays(at('2026-11-20T13:00:00Z'), 1))).toBe('2026-11-23T13:00:00.000Z');
    expect(iso(addWorkingDays(at('2026-11-23T13:00:00Z'), 5))).toBe('2026-11-30T13:00:00.000Z');
  });

  it('skips Easter, Constitution Day and Christmas', () => {
    // Wednesday before Easter 2026: Thursday to Monday are holidays → Tuesday 7 April.
    expect(iso(addWorkingDays(at('2026-04-01T09:00:00Z'), 1))).toBe('2026-04-07T09:00:00.000Z');
    expect(isWorkingDay(at('2026-05-17T10:00:00Z'))).toBe(false);
    expect(isWorkingDay(at('2026-05-14T10:00:00Z'))).toBe(false); // Ascension Day 2026
    expect(isWorkingDay(at('2026-05-26T10:00:00Z'))).toBe(true); // the day after Whit Monday
    // Wednesday 23 December 2026 + 2: 24 Thursday, (25, 26, 27 off), 28 Monday.
    expect(iso(addWorkingDays(at('2026-12-23T08:00:00Z'), 2))).toBe('2026-12-28T08:00:00.000Z');
  });

  it('adds calendar months, clamped to the month end', () => {
    expect(iso(addMonths(at('2026-01-31T10:00:00Z'), 1))).toBe('2026-02-28T10:00:00.000Z');
    expect(iso(addMonths(at('2026-11-24T10:00:00Z'), 36))).toBe('2029-11-24T10:00:00.000Z');
  });
});
