// Reads: attendance_marks, courses, crafts, enrollments, groups, lessons, trainees, users.
import type { DataSource } from 'typeorm';
import { todayIn } from '@sheber/common';
import {
  attendanceRate,
  ENROLLMENT_TRANSITIONS,
  type EnrollmentStatus,
  MARK_COUNTS_SQL,
  type MarkCounts,
} from '@sheber/enrollments';
import { maskIin } from '@sheber/trainees';
import type { AttendanceStatus } from './entities/attendance-mark.entity';
import type { AttendanceJournal } from './render/attendance-journal-pdf';

export interface AttendanceSheet {
  group: { id: string; code: string };
  lessons: { id: string; date: string; startTime: string; endTime: string; startsAt: Date }[];
  rows: {
    enrollmentId: string;
    trainee: { lastName: string; firstName: string; patronymic: string | null };
    status: EnrollmentStatus;
    /** lesson id → mark; lessons without a mark for this trainee are absent from the map. */
    marks: Record<string, AttendanceStatus>;
    /** lesson id → the mark's note, for marks that have one. */
    notes: Record<string, string>;
    attendanceRate: number | null;
  }[];
}

/**
 * The trainees a sheet always shows: those who hold a seat and those who kept theirs to the end
 * (completed or failed). The others (waitlisted, withdrawn) only with a mark.
 */
const SEATED_STATUSES: readonly EnrollmentStatus[] = [
  ...ENROLLMENT_TRANSITIONS.complete.from,
  ...ENROLLMENT_TRANSITIONS.reopen.from,
];

/** Rows are trainees, columns lessons; trainees who never had a mark and left are left out. */
export async function attendanceSheetOf(
  dataSource: DataSource,
  group: { id: string; code: string },
): Promise<AttendanceSheet> {
  const groupId = group.id;
  const lessons = await dataSource.query<
    { id: string; date: string; start_time: string; end_time: string; starts_at: Date }[]
  >(
    `SELECT id, to_char(date, 'YYYY-MM-DD') AS date, start_time, end_time, starts_at FROM lessons
      WHERE group_id = $1 ORDER BY starts_at`,
    [groupId],
  );
  const enrollments = await dataSource.query<
    (MarkCounts & {
      id: string;
      last_name: string;
      first_name: string;
      patronymic: string | null;
      status: EnrollmentStatus;
    })[]
  >(
    `SELECT e.id, t.last_name, t.first_name, t.patronymic, e.status, counts.*, held_lessons.held
       FROM enrollments e JOIN trainees t ON t.id = e.trainee_id
       ${MARK_COUNTS_SQL}
      WHERE e.group_id = $1
        AND (e.status = ANY ($2::text[])
             OR EXISTS (SELECT 1 FROM attendance_marks m WHERE m.enrollment_id = e.id))
      ORDER BY t.last_name, t.first_name, e.id`,
    [groupId, SEATED_STATUSES],
  );
  const marks = await dataSource.query<
    { enrollment_id: string; lesson_id: string; status: AttendanceStatus; note: string | null }[]
  >(
    `SELECT m.enrollment_id, m.lesson_id, m.status, m.note
       FROM attendance_marks m JOIN lessons l ON l.id = m.lesson_id
      WHERE l.group_id = $1`,
    [groupId],
  );
  const byEnrollment = new Map<string, Record<string, AttendanceStatus>>();
  const notesByEnrollment = new Map<string, Record<string, string>>();
  for (const mark of marks) {
    const row = byEnrollment.get(mark.enrollment_id) ?? {};
    row[mark.lesson_id] = mark.status;
    byEnrollment.set(mark.enrollment_id, row);
    if (mark.note !== null) {
      const notes = notesByEnrollment.get(mark.enrollment_id) ?? {};
      notes[mark.lesson_id] = mark.note;
      notesByEnrollment.set(mark.enrollment_id, notes);
    }
  }
  return {
    group: { id: group.id, code: group.code },
    lessons: lessons.map((l) => ({
      id: l.id,
      date: l.date,
      startTime: l.start_time,
      endTime: l.end_time,
      startsAt: l.starts_at,
    })),
    rows: enrollments.map((e) => ({
      enrollmentId: e.id,
      trainee: { lastName: e.last_name, firstName: e.first_name, patronymic: e.patronymic },
      status: e.status,
      marks: byEnrollment.get(e.id) ?? {},
      notes: notesByEnrollment.get(e.id) ?? {},
      attendanceRate: attendanceRate(e),
    })),
  };
}

/**
 * Everything the printed journal shows, read without an actor: DocumentsService checks access
 * at the request, and the worker draws what a checked request asked for. Undefined for an
 * unknown group.
 */
export async function attendanceJournalOf(
  dataSource: DataSource,
  groupId: string,
  timeZone: string,
): Promise<AttendanceJournal | undefined> {
  const [group] = await dataSource.query<
    {
      code: string;
      title: string;
      name_kk: string;
      name_ru: string;
      master: string | null;
      start_date: string;
      end_date: string;
    }[]
  >(
    `SELECT g.code, c.title, cr.name_kk, cr.name_ru, u.full_name AS master,
            to_char(g.start_date, 'YYYY-MM-DD') AS start_date,
            to_char(g.end_date, 'YYYY-MM-DD') AS end_date
       FROM groups g JOIN courses c ON c.id = g.course_id JOIN crafts cr ON cr.code = c.craft
       LEFT JOIN users u ON u.id = g.master_id
      WHERE g.id = $1`,
    [groupId],
  );
  if (!group) return undefined;
  const sheet = await attendanceSheetOf(dataSource, { id: groupId, code: group.code });
  const iins = await dataSource.query<{ id: string; iin: string }[]>(
    `SELECT e.id, t.iin FROM enrollments e JOIN trainees t ON t.id = e.trainee_id
      WHERE e.group_id = $1`,
    [groupId],
  );
  const started = await dataSource.query<{ id: string }[]>(
    'SELECT id FROM lessons WHERE group_id = $1 AND starts_at <= now()',
    [groupId],
  );
  const heldIds = new Set(started.map((l) => l.id));
  const iinOf = new Map(iins.map((row) => [row.id, maskIin(row.iin)]));
  return {
    code: group.code,
    courseTitle: group.title,
    craft: { kk: group.name_kk, ru: group.name_ru },
    master: group.master,
    startDate: group.start_date,
    endDate: group.end_date,
    printedOn: todayIn(timeZone),
    lessons: sheet.lessons.map((l) => ({ ...l, held: heldIds.has(l.id) })),
    rows: sheet.rows.map((row) => ({
      name: [row.trainee.lastName, row.trainee.firstName, row.trainee.patronymic]
        .filter(Boolean)
        .join(' '),
      iin: iinOf.get(row.enrollmentId) ?? '',
      marks: row.marks,
      attendanceRate: row.attendanceRate,
    })),
  };
}
