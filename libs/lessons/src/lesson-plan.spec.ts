import { describe, expect, it } from '@jest/globals';
import { attendanceRate } from '@sheber/enrollments';
import { planLessons } from './lesson-plan';

const ZONE = 'Asia/Almaty';

describe('planLessons', () => {
  it('generates every scheduled date across a month boundary, in UTC, skipping a holiday', () => {
    const lessons = planLessons(
      {
        startDate: '2026-12-10',
        endDate: '2027-01-08',
        schedule: [
          { weekday: 4, startTime: '10:00', endTime: '13:00' }, // Thursdays
          { weekday: 5, startTime: '15:00', endTime: '17:00' }, // Fridays
        ],
      },
      new Set(['2026-12-16', '2027-01-01', '2027-01-02']),
      ZONE,
    );
    expect(lessons.map((l) => l.date)).toEqual([
      '2026-12-10',
      '2026-12-11',
      '2026-12-17',
      '2026-12-18',
      '2026-12-24',
      '2026-12-25',
      '2026-12-31',
      // 2027-01-01 (Friday) is New Year's Day
      '2027-01-07',
      '2027-01-08',
    ]);
    expect(lessons[0]).toMatchObject({ startTime: '10:00', endTime: '13:00' });
    expect(lessons[0]!.startsAt.toISOString()).toBe('2026-12-10T05:00:00.000Z');
    expect(lessons[1]!.endsAt.toISOString()).toBe('2026-12-11T12:00:00.000Z');
  });

  it('gives nothing for a range without the scheduled weekday', () => {
    expect(
      planLessons(
        {
          startDate: '2026-11-23',
          endDate: '2026-11-24',
          schedule: [{ weekday: 5, startTime: '10:00', endTime: '11:00' }],
        },
        new Set(),
        ZONE,
      ),
    ).toEqual([]);
  });
});

describe('attendanceRate', () => {
  it('is (present + late) / (lessons held − excused)', () => {
    expect(attendanceRate({ present: 6, late: 1, absent: 1, excused: 2, held: 10 })).toBe(7 / 8);
  });

  it('counts a lesson that took place without a mark as held, not present', () => {
    expect(attendanceRate({ present: 6, late: 1, absent: 1, excused: 2, held: 12 })).toBe(7 / 10);
  });

  it('never counts fewer lessons held than marks', () => {
    expect(attendanceRate({ present: 2, late: 0, absent: 0, excused: 0, held: 1 })).toBe(1);
  });

  it('is null before anything counts', () => {
    expect(attendanceRate({ present: 0, late: 0, absent: 0, excused: 3, held: 3 })).toBeNull();
    expect(attendanceRate({ present: 0, late: 0, absent: 0, excused: 0, held: 0 })).toBeNull();
  });
});
