import { addDays, isoWeekday, zonedTimeToUtc } from '@sheber/common';
import type { Timetable } from '@sheber/groups';

export interface PlannedLesson {
  date: string;
  startTime: string;
  endTime: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Every lesson of a timetable: each date from start to end whose weekday has slots, in the centre's
 * time zone, skipping holidays. Sorted by start.
 */
export function planLessons(
  timetable: Timetable,
  holidays: ReadonlySet<string>,
  zone: string,
): PlannedLesson[] {
  const lessons: PlannedLesson[] = [];
  for (let date = timetable.startDate; date <= timetable.endDate; date = addDays(date, 1)) {
    if (holidays.has(date)) continue;
    const weekday = isoWeekday(date);
    for (const slot of timetable.schedule) {
      if (slot.weekday !== weekday) continue;
      lessons.push({
        date,
        startTime: slot.startTime,
        endTime: slot.endTime,
        startsAt: zonedTimeToUtc(date, slot.startTime, zone),
        endsAt: zonedTimeToUtc(date, slot.endTime, zone),
      });
    }
  }
  return lessons.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * How far a master may mark a lesson: from its start to the end of the 7th day after its date
 * (the database function marking_window applies it).
 */
export const MASTER_MARKING_DAYS = 7;
