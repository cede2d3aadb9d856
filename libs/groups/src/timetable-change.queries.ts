// Reads: enrollments, groups, trainees.
import type { EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';
// The file, not the lib's index: the enrollments lib imports this one.
import { ENROLLMENT_STATUS } from '@sheber/enrollments/enrollment-status';
import type { Timetable } from './schedule';

/**
 * What a change of a group's timetable reads about the people it affects. Their locks are taken
 * by the owners' repositories, in the order every transaction takes them: the group's active
 * trainees (in id order, as enrollment locks a trainee before a group), then its master, then the
 * group.
 */
export async function activeTraineeIdsOf(
  manager: EntityManager,
  groupId: string,
): Promise<string[]> {
  const rows = await sqlRows<{ trainee_id: string }>(
    manager,
    `SELECT trainee_id FROM enrollments WHERE group_id = $1 AND status = '${ENROLLMENT_STATUS.active}'
      ORDER BY trainee_id`,
    [groupId],
  );
  return rows.map((row) => row.trainee_id);
}

/**
 * The first active trainee of the group who is active in another group whose timetable overlaps
 * the new one (the rule enrollment applies; timetables_overlap is the SQL twin of
 * timetablesOverlap), or null.
 */
export async function traineeTimetableClash(
  manager: EntityManager,
  groupId: string,
  timetable: Timetable,
): Promise<{ last_name: string; first_name: string; code: string } | null> {
  const [clash] = await sqlRows<{ last_name: string; first_name: string; code: string }>(
    manager,
    `SELECT t.last_name, t.first_name, og.code
       FROM enrollments e
       JOIN trainees t ON t.id = e.trainee_id
       JOIN enrollments oe ON oe.trainee_id = e.trainee_id AND oe.status = '${ENROLLMENT_STATUS.active}'
                          AND oe.group_id <> e.group_id
       JOIN groups og ON og.id = oe.group_id
      WHERE e.group_id = $1 AND e.status = '${ENROLLMENT_STATUS.active}'
        AND timetables_overlap($2::date, $3::date, $4::jsonb, og.start_date, og.end_date, og.schedule)
      ORDER BY t.last_name, t.first_name, og.code
      LIMIT 1`,
    [groupId, timetable.startDate, timetable.endDate, JSON.stringify(timetable.schedule)],
  );
  return clash ?? null;
}
