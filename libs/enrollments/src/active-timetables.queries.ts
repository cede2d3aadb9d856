// Reads: enrollments, groups.
import type { EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';
import type { Timetable } from '@sheber/groups';
import { ENROLLMENT_STATUS } from './enrollment-status';

/**
 * The timetables of the trainee's other active groups, for the overlap check of a promotion from
 * the waitlist (enrollment itself checks in enroll_trainee).
 */
export async function activeTimetablesOf(
  manager: EntityManager,
  traineeId: string,
  exceptGroupId: string,
): Promise<Timetable[]> {
  const rows = await sqlRows<
    Pick<Timetable, 'schedule'> & { start_date: string; end_date: string }
  >(
    manager,
    `SELECT to_char(g.start_date, 'YYYY-MM-DD') AS start_date, to_char(g.end_date, 'YYYY-MM-DD') AS end_date, g.schedule
       FROM enrollments e JOIN groups g ON g.id = e.group_id
      WHERE e.trainee_id = $1 AND e.status = '${ENROLLMENT_STATUS.active}' AND e.group_id <> $2`,
    [traineeId, exceptGroupId],
  );
  return rows.map((a) => ({ startDate: a.start_date, endDate: a.end_date, schedule: a.schedule }));
}
