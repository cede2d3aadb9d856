import { describe, expect, it } from '@jest/globals';
import { addDays, isoWeekday, todayIn, zonedParts, zonedTimeToUtc } from './time-zone';

describe('time zone helpers', () => {
  it('turns Almaty wall-clock time into UTC (UTC+5 since March 2024)', () => {
    expect(zonedTimeToUtc('2026-09-07', '10:00', 'Asia/Almaty').toISOString()).toBe(
      '2026-09-07T05:00:00.000Z',
    );
    expect(zonedTimeToUtc('2026-12-31', '23:30', 'Asia/Almaty').toISOString()).toBe(
      '2026-12-31T18:30:00.000Z',
    );
  });

  it('knows the old offset before the change (UTC+6 in 2023)', () => {
    expect(zonedTimeToUtc('2023-06-01', '10:00', 'Asia/Almaty').toISOString()).toBe(
      '2023-06-01T04:00:00.000Z',
    );
  });

  it('reads the local date and time of an instant', () => {
    expect(zonedParts(new Date('2026-09-07T19:30:00Z'), 'Asia/Almaty')).toEqual({
      date: '2026-09-08',
      time: '00:30',
    });
    expect(todayIn('Asia/Almaty', new Date('2026-11-21T19:00:00Z'))).toBe('2026-11-22');
  });

  it('adds days across month and year ends, and names weekdays the ISO way', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(isoWeekday('2026-11-23')).toBe(1);
  });
});
