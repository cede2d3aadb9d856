import { type ErrorParams, minutesOfDay } from '@sheber/common';
import type { GroupErrorCode } from './groups.errors';

/** One weekly lesson: ISO weekday (Monday = 1) and local times of the centre. */
export interface ScheduleSlot {
  weekday: number;
  startTime: string;
  endTime: string;
}

export interface Timetable {
  startDate: string;
  endDate: string;
  schedule: ScheduleSlot[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

function utcDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function isoWeekday(dayMs: number): number {
  const day = new Date(dayMs).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The weekdays that occur between two dates (inclusive). */
function weekdaysBetween(from: string, to: string): Set<number> {
  const days = new Set<number>();
  for (let day = utcDay(from); day <= utcDay(to) && days.size < 7; day += DAY_MS) {
    days.add(isoWeekday(day));
  }
  return days;
}

function slotsOverlap(a: ScheduleSlot, b: ScheduleSlot): boolean {
  return (
    a.weekday === b.weekday &&
    minutesOfDay(a.startTime) < minutesOfDay(b.endTime) &&
    minutesOfDay(b.startTime) < minutesOfDay(a.endTime)
  );
}

/**
 * Whether two timetables can put one person in two places at once: their date ranges intersect
 * and, on a weekday that occurs in the intersection, two slots share some minutes.
 */
export function timetablesOverlap(a: Timetable, b: Timetable): boolean {
  const from = a.startDate > b.startDate ? a.startDate : b.startDate;
  const to = a.endDate < b.endDate ? a.endDate : b.endDate;
  if (from > to) return false;
  const weekdays = weekdaysBetween(from, to);
  return a.schedule.some((slotA) =>
    b.schedule.some((slotB) => weekdays.has(slotA.weekday) && slotsOverlap(slotA, slotB)),
  );
}

/** Problems inside one schedule, as `[field, message]` pairs (empty when it is fine). */
/** The longest a group may run: its lessons are generated inside the request that sets the dates. */
export const MAX_GROUP_SPAN_YEARS = 2;

/** The last date a group starting on `startDate` may end on (the same day two years later). */
export function latestEndDate(startDate: string): string {
  const year = Number(startDate.slice(0, 4)) + MAX_GROUP_SPAN_YEARS;
  // 29 February plus two years is not a date; 28 February is the same day in spirit.
  const monthDay = startDate.slice(4) === '-02-29' ? '-02-28' : startDate.slice(4);
  return `${String(year).padStart(4, '0')}${monthDay}`;
}

/** True when a group would run longer than MAX_GROUP_SPAN_YEARS. */
export function spanTooLong(timetable: Pick<Timetable, 'startDate' | 'endDate'>): boolean {
  const latest = latestEndDate(timetable.startDate);
  // Past year 9999 the string has five digits: every valid end date lies before it.
  return latest.length === 10 && timetable.endDate > latest;
}

/** A refused slot of a timetable: the field, its code and what the code's texts name. */
export interface ScheduleProblem {
  field: string;
  code: GroupErrorCode;
  params?: ErrorParams;
}

/** What is wrong with a timetable's slots, each beside its field. */
export function scheduleProblems(schedule: ScheduleSlot[]): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  schedule.forEach((slot, index) => {
    if (minutesOfDay(slot.endTime) <= minutesOfDay(slot.startTime)) {
      problems.push({ field: `schedule.${index}.endTime`, code: 'group.slot_end_before_start' });
    }
  });
  schedule.forEach((slot, index) => {
    schedule.slice(index + 1).forEach((other, offset) => {
      if (slotsOverlap(slot, other)) {
        // The slot it overlaps, counted from 1 as the form shows them.
        problems.push({
          field: `schedule.${index + offset + 1}`,
          code: 'group.slot_overlap',
          params: { slot: index + 1 },
        });
      }
    });
  });
  return problems;
}

/** Slots in a stable order: by weekday, then start time. */
export function sortSchedule(schedule: ScheduleSlot[]): ScheduleSlot[] {
  return [...schedule]
    .map(({ weekday, startTime, endTime }) => ({ weekday, startTime, endTime }))
    .sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime));
}
