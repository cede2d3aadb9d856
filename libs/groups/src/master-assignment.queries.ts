// Reads: courses, master_crafts, users.
import type { DataSource, EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';

/** The craft of the course and whether the master is qualified to teach it. */
export async function masterQualification(
  manager: EntityManager,
  masterId: string,
  courseId: string,
): Promise<{ craft: string; qualified: boolean }> {
  const [row] = await sqlRows<{ craft: string; qualified: boolean }>(
    manager,
    `SELECT c.craft, EXISTS (SELECT 1 FROM master_crafts mc
                              WHERE mc.user_id = $1 AND mc.craft_code = c.craft) AS qualified
       FROM courses c WHERE c.id = $2`,
    [masterId, courseId],
  );
  if (!row) throw new Error(`course ${courseId} of a group does not exist`);
  return row;
}

/** The active masters (of one craft, if given) with their crafts, by name. */
export async function activeMasters(
  db: DataSource,
  craft?: string,
): Promise<{ id: string; full_name: string; email: string; crafts: string[] }[]> {
  return db.query(
    `SELECT u.id, u.full_name, u.email,
            coalesce(array_agg(mc.craft_code ORDER BY mc.craft_code)
                     FILTER (WHERE mc.craft_code IS NOT NULL), '{}') AS crafts
       FROM users u LEFT JOIN master_crafts mc ON mc.user_id = u.id
      WHERE u.role = 'master' AND u.active
        AND ($1::text IS NULL OR EXISTS (SELECT 1 FROM master_crafts q
                                          WHERE q.user_id = u.id AND q.craft_code = $1))
      GROUP BY u.id
      ORDER BY u.full_name, u.id`,
    [craft ?? null],
  );
}
