// Reads: courses, groups.
import type { EntityManager } from 'typeorm';
import { UNFINISHED_GROUP_STATUSES } from '@sheber/groups/group-status';

/** A group held in a workshop that has not finished, as a change of the workshop must respect. */
export interface WorkshopGroupRow {
  code: string;
  capacity: number;
  craft: string;
}

/**
 * The unfinished groups held in the workshop, largest first, read under the workshop's row lock
 * (groups enter a workshop only under the same lock).
 */
export function unfinishedGroupsIn(
  manager: EntityManager,
  workshopId: string,
): Promise<WorkshopGroupRow[]> {
  return manager.query<WorkshopGroupRow[]>(
    `SELECT g.code, g.capacity, c.craft
       FROM groups g JOIN courses c ON c.id = g.course_id
      WHERE g.workshop_id = $1 AND g.status = ANY($2::text[])
      ORDER BY g.capacity DESC, g.code`,
    [workshopId, UNFINISHED_GROUP_STATUSES],
  );
}
