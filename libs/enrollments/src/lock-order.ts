import type { EntityManager } from 'typeorm';
import { NotFoundError } from '@sheber/common';
import { GroupsRepository } from '@sheber/groups';
import { EnrollmentsRepository } from './enrollments.repository';

/**
 * Locks the group of an enrollment and returns its id. Every change of an existing enrollment
 * takes the group's row lock before the enrollment's, the order enrollment and promotion use, so
 * these transactions never deadlock one another.
 */
export async function lockGroupOfEnrollment(
  manager: EntityManager,
  enrollmentId: string,
): Promise<string> {
  // A plain function for the callers of other libs: the repositories' transactional methods need
  // only the manager, so they are built on its data source here.
  const groupId = await new EnrollmentsRepository(manager.connection).groupIdOf(
    manager,
    enrollmentId,
  );
  if (!groupId) throw new NotFoundError('Enrollment', enrollmentId);
  await new GroupsRepository(manager.connection).lockGroupRow(manager, groupId);
  return groupId;
}
