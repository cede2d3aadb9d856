// Reads: attendance_marks, enrollments, lessons, trainees.
// (attendance_marks and lessons through MARK_COUNTS_SQL of mark-counts.queries.ts)
import type { DataSource } from 'typeorm';
import type { MarkCounts } from './attendance-rate';
import type { EnrollmentStatus } from './enrollment-status';
import { MARK_COUNTS_SQL } from './mark-counts.queries';

export type RosterRow = MarkCounts & {
  id: string;
  trainee_id: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  status: EnrollmentStatus;
  waitlist_position: number | null;
  status_changed_at: Date;
  total: string;
};

/** A page of the group's enrollments: active first, then the waitlist in order, then the others. */
export async function rosterPage(
  db: DataSource,
  groupId: string,
  page: { limit: number; offset: number },
): Promise<RosterRow[]> {
  return db.query<RosterRow[]>(
    `SELECT e.id, e.trainee_id, t.last_name, t.first_name, t.patronymic, e.status, e.waitlist_position,
            e.status_changed_at, counts.*, held_lessons.held, count(*) OVER () AS total
       FROM enrollments e JOIN trainees t ON t.id = e.trainee_id
       ${MARK_COUNTS_SQL}
      WHERE e.group_id = $1
      ORDER BY CASE e.status WHEN 'active' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END,
               e.waitlist_position NULLS LAST, t.last_name, t.first_name, e.id
      LIMIT $2 OFFSET $3`,
    [groupId, page.limit, page.offset],
  );
}
