// Reads: enrollments, groups, trainees.
import type { EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';
import type { EnrollmentStatus } from '@sheber/enrollments';

/** The trainees of the group's enrollments in these statuses, their rows locked until commit. */
export async function lockTraineesOfGroup(
  manager: EntityManager,
  groupId: string,
  statuses: readonly EnrollmentStatus[],
): Promise<void> {
  await sqlRows(
    manager,
    `SELECT t.id FROM trainees t
      WHERE t.id IN (SELECT trainee_id FROM enrollments
                      WHERE group_id = $1 AND status = ANY ($2::text[]))
      ORDER BY t.id FOR UPDATE`,
    [groupId, statuses],
  );
}

/** The group's row locked until commit, and whether it completed within the last `hours`. */
export async function lockGroupForReopening(
  manager: EntityManager,
  groupId: string,
  hours: number,
): Promise<{ code: string; status: string; completed_at: Date | null; open: boolean } | undefined> {
  const [group] = await sqlRows<{
    code: string;
    status: string;
    completed_at: Date | null;
    open: boolean;
  }>(
    manager,
    `SELECT code, status, completed_at,
            completed_at > now() - make_interval(hours => $2) AS open
       FROM groups WHERE id = $1 FOR UPDATE`,
    [groupId, hours],
  );
  return group;
}

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
