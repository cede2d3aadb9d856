// Reads: courses.
import type { EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';

/** The course a new group is created for: its title and whether it is still offered. */
export async function courseForNewGroup(
  manager: EntityManager,
  courseId: string,
): Promise<{ title: string; active: boolean } | null> {
  const [course] = await sqlRows<{ title: string; active: boolean }>(
    manager,
    'SELECT title, active FROM courses WHERE id = $1',
    [courseId],
  );
  return course ?? null;
}
