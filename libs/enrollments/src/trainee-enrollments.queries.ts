// Reads: attendance_marks, courses, enrollments, groups, lessons.
// (attendance_marks and lessons through MARK_COUNTS_SQL of mark-counts.queries.ts)
import type { DataSource } from 'typeorm';
import type { MarkCounts } from './attendance-rate';
import type { EnrollmentStatus } from './enrollment-status';
import { MARK_COUNTS_SQL } from './mark-counts.queries';

export type TraineeEnrollmentRow = MarkCounts & {
  id: string;
  group_id: string;
  code: string;
  title: string;
  craft: string;
  start_date: string;
  end_date: string;
  status: EnrollmentStatus;
  waitlist_position: number | null;
  status_changed_at: Date;
};

/** A trainee's enrollments in every group with its course, newest first, with mark counts. */
export async function traineeEnrollments(
  db: DataSource,
  traineeId: string,
): Promise<TraineeEnrollmentRow[]> {
  return db.query<TraineeEnrollmentRow[]>(
    `SELECT e.id, e.group_id, g.code, c.title, c.craft, to_char(g.start_date, 'YYYY-MM-DD') AS start_date,
            to_char(g.end_date, 'YYYY-MM-DD') AS end_date, e.status, e.waitlist_position,
            e.status_changed_at, counts.*, held_lessons.held
       FROM enrollments e
       JOIN groups g ON g.id = e.group_id
       JOIN courses c ON c.id = g.course_id
       ${MARK_COUNTS_SQL}
      WHERE e.trainee_id = $1
      ORDER BY g.start_date DESC, e.created_at DESC`,
    [traineeId],
  );
}
