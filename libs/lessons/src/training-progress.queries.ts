// Reads: attendance_marks, groups, lessons.
import type { EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';

/** A group's lessons: planned, taken place (started), taken place without any mark. */
export interface TrainingProgressRow {
  planned: number;
  held: number;
  unmarked: number;
  last_lesson_date: string | null;
  end_date: string;
}

/** The group's lesson counts and its end date; undefined for an unknown group. */
export async function trainingProgressOf(
  manager: EntityManager,
  groupId: string,
): Promise<TrainingProgressRow | undefined> {
  const [row] = await sqlRows<TrainingProgressRow>(
    manager,
    `SELECT count(l.id)::int AS planned,
            count(l.id) FILTER (WHERE l.starts_at <= now())::int AS held,
            count(l.id) FILTER (WHERE l.starts_at <= now() AND NOT EXISTS (
              SELECT 1 FROM attendance_marks m WHERE m.lesson_id = l.id))::int AS unmarked,
            to_char(max(l.date), 'YYYY-MM-DD') AS last_lesson_date,
            to_char(g.end_date, 'YYYY-MM-DD') AS end_date
       FROM groups g LEFT JOIN lessons l ON l.group_id = g.id
      WHERE g.id = $1
      GROUP BY g.id`,
    [groupId],
  );
  return row;
}
