import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';

/** The groups table. */
@Injectable()
export class GroupsRepository {
  // For certificates (revoking or re-queueing a group's certificates): the group row locked as
  // completion locks it, so a completion or a second request waits.
  async lockGroupCode(manager: EntityManager, groupId: string): Promise<string | undefined> {
    const [group] = await sqlRows<{ code: string }>(
      manager,
      'SELECT code FROM groups WHERE id = $1 FOR UPDATE',
      [groupId],
    );
    return group?.code;
  }
}
