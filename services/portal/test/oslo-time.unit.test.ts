import { addDays, formatDateTime, formatDay, groupSlotsByDay, osloDate } from '../src/oslo-time';

const slot = (startsAt: string, minutes = 45) => ({
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
});

describe('Oslo dates and times', () => {
  it('gives the Oslo calendar date, which differs from UTC around midnight and across DST', () => {
    expect(osloDate(new Date('2026-12-02T23:30:00Z'))).toBe('2026-12-03'); // CET, UTC+1
    expect(osloDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // CEST, UTC+2
    expect(osloDate(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });

  it('adds days across month and year ends and the DST change', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
  });

  it('writes days and times in the page language', () => {
    expect(formatDay('2026-12-03', 'en')).toBe('Thursday 3 December');
    expect(formatDay('2026-12-03', 'nb')).toBe('torsdag 3. desember');
    expect(formatDateTime('2026-12-03T09:00:00Z', 'en')).toContain('10:00');
    expect(formatDateTime('2026-12-03T09:00:00Z', 'nb')).toMatch(
      /torsdag 3\. desember 2026.*10:00/,
    );
  });
});

describe('groupSlotsByDay', () => {
  it('groups slots by their Oslo day, in time order, with Oslo times as labels', () => {
    const days = groupSlotsByDay(
      [
        slot('2026-12-04T08:00:00Z'),
        slot('2026-12-03T13:15:00Z'),
        slot('2026-12-03T08:00:00Z'),
        slot('2026-12-03T23:15:00Z'), // 00:15 on the 4th in Oslo
      ],
      'en',
    );
    expect(days.map((d) => d.date)).toEqual(['2026-12-03', '2026-12-04']);
    expect(days[0]?.label).toBe('Thursday 3 December');
    expect(days[0]?.slots.map((s) => s.label)).toEqual(['09:00', '14:15']);
    expect(days[1]?.slots.map((s) => s.label)).toEqual(['00:15', '09:00']);
  });

  it('answers no days for no slots', () => {
    expect(groupSlotsByDay([], 'nb')).toEqual([]);
  });
});
