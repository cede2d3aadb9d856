import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { tableRowCount } from '@sheber/database/row-count';
import { sqlRows } from '@sheber/database/sql';
import { Group } from './entities/group.entity';
import { GROUP_STATUS, type GroupStatus, UNFINISHED_GROUP_STATUSES } from './group-status';
import type { ScheduleSlot } from './schedule';

/** What narrows the group list; each one present is an equality that an index serves. */
export interface GroupFilter {
  status?: GroupStatus;
  courseId?: string;
  masterId?: string;
  /** Words found in the code, course, craft or master (group-view.queries.ts). */
  search?: string;
}

/** A group's free seats and timetable, read under its row lock before the waitlist moves up. */
export interface GroupSeats {
  free: number;
  start_date: string;
  end_date: string;
  schedule: ScheduleSlot[];
}

/**
 * The `groups` table. The seat counters `active_count` and `waitlist_count` are written by no
 * code: the trigger `enrollment_seat_counters` keeps them (docs/decisions/0010-seat-counters.md).
 * Methods that take an `EntityManager` run inside the caller's transaction.
 */
@Injectable()
export class GroupsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One group without its course or master, or null. */
  async findGroup(id: string): Promise<Group | null> {
    return this.dataSource.getRepository(Group).findOneBy({ id });
  }

  /** The group, its row locked until commit; null when there is none. */
  async lockGroup(manager: EntityManager, id: string): Promise<Group | null> {
    return manager.findOne(Group, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Locks the group's row without reading it (the lock order of docs/ARCHITECTURE.md). */
  async lockGroupRow(manager: EntityManager, id: string): Promise<void> {
    await sqlRows(manager, 'SELECT id FROM groups WHERE id = $1 FOR UPDATE', [id]);
  }

  async insertGroup(
    manager: EntityManager,
    fields: Pick<
      Group,
      'code' | 'courseId' | 'workshopId' | 'startDate' | 'endDate' | 'schedule' | 'capacity'
    >,
  ): Promise<Group> {
    return manager.save(manager.create(Group, fields));
  }

  /** Writes the group's own fields; the counters are the trigger's and are never sent. */
  async saveGroup(manager: EntityManager, group: Group): Promise<void> {
    await manager.update(
      Group,
      { id: group.id },
      {
        code: group.code,
        masterId: group.masterId,
        workshopId: group.workshopId,
        startDate: group.startDate,
        endDate: group.endDate,
        schedule: group.schedule,
        capacity: group.capacity,
      },
    );
  }

  /** Only the status (and the completion time): the enrollments of the move change on their own. */
  async setStatus(
    manager: EntityManager,
    id: string,
    status: GroupStatus,
    completed: boolean,
  ): Promise<void> {
    await manager.update(
      Group,
      { id },
      { status, ...(completed && { completedAt: () => 'now()' }) },
    );
  }

  /** The unfinished groups of these masters, earliest first. */
  async unfinishedGroupsOf(
    masterIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Group[]> {
    if (masterIds.length === 0) return [];
    return manager.find(Group, {
      where: { masterId: In(masterIds), status: In([...UNFINISHED_GROUP_STATUSES]) },
      order: { startDate: 'ASC' },
    });
  }

  /** The unfinished groups held in the workshop (read under the workshop's row lock). */
  async unfinishedGroupsIn(manager: EntityManager, workshopId: string): Promise<Group[]> {
    return manager.find(Group, {
      where: { workshopId, status: In([...UNFINISHED_GROUP_STATUSES]) },
      order: { startDate: 'ASC' },
    });
  }

  /** The list's total: exact under a filter, the table's estimate once it is large without one. */
  async countGroups(filter: GroupFilter): Promise<number> {
    const where = {
      ...(filter.status && { status: filter.status }),
      ...(filter.courseId && { courseId: filter.courseId }),
      ...(filter.masterId && { masterId: filter.masterId }),
    };
    return Object.keys(where).length > 0
      ? this.dataSource.getRepository(Group).count({ where })
      : tableRowCount(this.dataSource, 'groups');
  }

  /** The free seats and the timetable of a group, its row locked (the caller may hold it already). */
  async lockSeats(manager: EntityManager, id: string): Promise<GroupSeats | null> {
    const [group] = await sqlRows<GroupSeats>(
      manager,
      `SELECT capacity - active_count AS free, to_char(start_date, 'YYYY-MM-DD') AS start_date,
              to_char(end_date, 'YYYY-MM-DD') AS end_date, schedule
         FROM groups WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return group ?? null;
  }

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

  // For completion (libs/lessons), an admin's reopening: the group runs again, without the time
  // it completed; the caller holds its row lock.
  async reopenGroup(manager: EntityManager, id: string): Promise<void> {
    await sqlRows(
      manager,
      `UPDATE groups SET status = '${GROUP_STATUS.in_progress}', completed_at = NULL,
              updated_at = now()
        WHERE id = $1`,
      [id],
    );
  }

  // For lessons (a holiday added or removed): the unfinished groups that span the day, their rows
  // locked until commit, whose future lessons are then generated again.
  async lockUnfinishedGroupsSpanning(manager: EntityManager, date: string): Promise<Group[]> {
    return manager
      .getRepository(Group)
      .createQueryBuilder('g')
      .where('g.status IN (:...statuses)', { statuses: UNFINISHED_GROUP_STATUSES })
      .andWhere(':date BETWEEN g.start_date AND g.end_date', { date })
      .setLock('pessimistic_write')
      .getMany();
  }

  // For GroupsService (changing a group's timetable): whose row to lock before the group's.
  /** The group's master, read without a lock; null without a master or without the group. */
  async masterIdOf(manager: EntityManager, groupId: string): Promise<string | null> {
    const [group] = await sqlRows<{ master_id: string | null }>(
      manager,
      'SELECT master_id FROM groups WHERE id = $1',
      [groupId],
    );
    return group?.master_id ?? null;
  }

  // For reopening (libs/lessons): the group's row locked until commit, and whether it completed
  // within the last `hours` (by the database's clock, as `completed_at` was written).
  async lockGroupForReopening(
    manager: EntityManager,
    groupId: string,
    hours: number,
  ): Promise<
    { code: string; status: GroupStatus; completed_at: Date | null; open: boolean } | undefined
  > {
    const [group] = await sqlRows<{
      code: string;
      status: GroupStatus;
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
}
