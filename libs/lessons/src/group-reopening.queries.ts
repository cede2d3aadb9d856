// Reads: enrollments, groups, trainees.
import type { EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';
import type { EnrollmentStatus } from '@sheber/enrollments';

/**
 * A trainee of the group's enrollments in these statuses who is now active in another group
 * whose timetable overlaps this one (the first found), or undefined.
 */
export async function reopeningClash(
  manager: EntityManager,
  groupId: string,
  statuses: readonly EnrollmentStatus[],
): Promise<{ last_name: string; first_name: string; code: string } | undefined> {
  const active: EnrollmentStatus = 'active';
  const [clash] = await sqlRows<{ last_name: string; first_name: string; code: string }>(
    manager,
    `SELECT t.last_name, t.first_name, og.code
       FROM enrollments e
       JOIN groups g ON g.id = e.group_id
       JOIN trainees t ON t.id = e.trainee_id
       JOIN enrollments oe ON oe.trainee_id = e.trainee_id AND oe.status = $3
                          AND oe.group_id <> e.group_id
       JOIN groups og ON og.id = oe.group_id
      WHERE e.group_id = $1 AND e.status = ANY ($2::text[])
        AND timetables_overlap(g.start_date, g.end_date, g.schedule, og.start_date, og.end_date, og.schedule)
      LIMIT 1`,
    [groupId, statuses, active],
  );
  return clash;
}
