import type { EntityManager } from 'typeorm';
import { NotFoundError } from '@sheber/common';
import { sqlRows } from '@sheber/database/sql';

/**
 * Locks the group of an enrollment and returns its id. Every change of an existing enrollment
 * takes the group's row lock before the enrollment's, the order enrollment and promotion use, so
 * these transactions never deadlock one another.
 */
export async function lockGroupOfEnrollment(
  manager: EntityManager,
  enrollmentId: string,
): Promise<string> {
  const [found] = await sqlRows<{ group_id: string }>(
    manager,
    'SELECT group_id FROM enrollments WHERE id = $1',
    [enrollmentId],
  );
  if (!found) throw new NotFoundError('Enrollment', enrollmentId);
  await sqlRows(manager, 'SELECT id FROM groups WHERE id = $1 FOR UPDATE', [found.group_id]);
  return found.group_id;
}
