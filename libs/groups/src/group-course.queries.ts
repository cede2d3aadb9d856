// Reads: courses.
import type { EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';

/** A group's course: its title, craft and whether it is still offered. */
export interface GroupCourse {
  title: string;
  craft: string;
  active: boolean;
}

/** The course a group is (or is to be) of, or null. */
export async function courseOfGroup(
  manager: EntityManager,
  courseId: string,
): Promise<GroupCourse | null> {
  const [course] = await sqlRows<GroupCourse>(
    manager,
    'SELECT title, craft, active FROM courses WHERE id = $1',
    [courseId],
  );
  return course ?? null;
}
