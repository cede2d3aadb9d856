import { describe, expect, it } from '@jest/globals';
import {
  latestEndDate,
  scheduleProblems,
  spanTooLong,
  timetablesOverlap,
  type Timetable,
} from './schedule';

const monWed: Timetable = {
  startDate: '2026-09-01',
  endDate: '2026-10-31',
  schedule: [
    { weekday: 1, startTime: '10:00', endTime: '13:00' },
    { weekday: 3, startTime: '10:00', endTime: '13:00' },
  ],
};

describe('timetablesOverlap', () => {
  it('is true when dates intersect and a slot shares minutes on the same weekday', () => {
    const other = { ...monWed, schedule: [{ weekday: 3, startTime: '12:30', endTime: '15:00' }] };
    expect(timetablesOverlap(monWed, other)).toBe(true);
  });

  it('is false when the slots only touch', () => {
    const other = { ...monWed, schedule: [{ weekday: 1, startTime: '13:00', endTime: '15:00' }] };
    expect(timetablesOverlap(monWed, other)).toBe(false);
  });

  it('is false on other weekdays', () => {
    const other = { ...monWed, schedule: [{ weekday: 2, startTime: '10:00', endTime: '13:00' }] };
    expect(timetablesOverlap(monWed, other)).toBe(false);
  });

  it('is false when the date ranges do not intersect', () => {
    const other = { ...monWed, startDate: '2026-11-01', endDate: '2026-12-20' };
    expect(timetablesOverlap(monWed, other)).toBe(false);
  });

  it('is false when the shared days hold no common weekday', () => {
    // The ranges share only Tuesday 2026-09-01, and both teach on Monday.
    const a = {
      startDate: '2026-08-01',
      endDate: '2026-09-01',
      schedule: [{ weekday: 1, startTime: '10:00', endTime: '12:00' }],
    };
    const b = {
      startDate: '2026-09-01',
      endDate: '2026-10-01',
      schedule: [{ weekday: 1, startTime: '10:00', endTime: '12:00' }],
    };
    expect(timetablesOverlap(a, b)).toBe(false);
  });
});

describe('scheduleProblems', () => {
  it('names an end before the start and two slots that overlap', () => {
    expect(
      scheduleProblems([
        { weekday: 1, startTime: '10:00', endTime: '09:00' },
        { weekday: 2, startTime: '10:00', endTime: '12:00' },
        { weekday: 2, startTime: '11:00', endTime: '13:00' },
      ]),
    ).toEqual([
      { field: 'schedule.0.endTime', code: 'group.slot_end_before_start' },
      { field: 'schedule.2', code: 'group.slot_overlap', params: { slot: 2 } },
    ]);
  });
});

describe('latestEndDate', () => {
  it('is the same day two years on, and 28 February for a 29 February start', () => {
    expect(latestEndDate('2026-09-01')).toBe('2028-09-01');
    expect(latestEndDate('2028-02-29')).toBe('2030-02-28');
  });

  it('lets a group run two years to the day, not one day more', () => {
    expect(spanTooLong({ startDate: '2026-09-01', endDate: '2028-09-01' })).toBe(false);
    expect(spanTooLong({ startDate: '2026-09-01', endDate: '2028-09-02' })).toBe(true);
    expect(spanTooLong({ startDate: '2026-09-01', endDate: '9999-12-31' })).toBe(true);
    expect(spanTooLong({ startDate: '9998-06-01', endDate: '9999-12-31' })).toBe(false);
  });
});
