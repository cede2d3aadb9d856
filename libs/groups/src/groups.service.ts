import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, diffFields } from '@sheber/audit';
import {
  Actor,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  Page,
  RuleViolationError,
  addDays,
  todayIn,
} from '@sheber/common';
import { Environment } from '@sheber/config';
import { Course } from '@sheber/courses';
import { tableRowCount } from '@sheber/database/row-count';
import { MasterCraft, User } from '@sheber/users';
import {
  AssignMasterDto,
  CreateGroupDto,
  GroupQueryDto,
  GroupView,
  MasterView,
  UpdateGroupDto,
} from './dto/group.dto';
import { Group, type GroupStatus } from './entities/group.entity';
import {
  latestEndDate,
  MAX_GROUP_SPAN_YEARS,
  scheduleProblems,
  sortSchedule,
  spanTooLong,
  timetablesOverlap,
  type Timetable,
} from './schedule';

/** Statuses in which a group still runs or will run; its master and trainees are committed. */
export const UNFINISHED_GROUP_STATUSES: GroupStatus[] = ['planned', 'open', 'in_progress'];

/**
 * What other domains do inside a group's transaction when it is created, its timetable or seats
 * change, or it completes or is cancelled. Libraries that depend on groups (enrollments, lessons)
 * register themselves; groups never imports them.
 */
export interface GroupListener {
  groupCreated?(manager: EntityManager, group: Group, actor: Actor): Promise<void>;
  timetableChanged?(manager: EntityManager, group: Group, actor: Actor): Promise<void>;
  seatsAdded?(manager: EntityManager, group: Group, actor: Actor): Promise<void>;
  /** May refuse (a rule error rolls the completion back); `options.override` is an admin's. */
  groupCompleting?(
    manager: EntityManager,
    group: Group,
    actor: Actor,
    options: GroupTransitionOptions,
  ): Promise<void>;
  groupCancelled?(manager: EntityManager, group: Group, actor: Actor): Promise<void>;
}

const TRANSITIONS: Record<
  'open' | 'start' | 'complete' | 'cancel',
  { from: GroupStatus[]; to: GroupStatus }
> = {
  open: { from: ['planned'], to: 'open' },
  start: { from: ['open'], to: 'in_progress' },
  complete: { from: ['in_progress'], to: 'completed' },
  cancel: { from: ['planned', 'open', 'in_progress'], to: 'cancelled' },
};
export type GroupTransition = keyof typeof TRANSITIONS;

/** An admin's override of the timing rules of start and completion, always with a reason. */
export interface GroupTransitionOptions {
  override?: boolean;
  reason?: string;
}

/** A group may start at most this many days before its start date. */
export const EARLIEST_START_DAYS = 7;

export function toGroupView(group: Group): GroupView {
  const course = group.course;
  if (!course) throw new Error('toGroupView needs the group with its course loaded');
  return {
    id: group.id,
    code: group.code,
    courseId: group.courseId,
    course: { id: course.id, title: course.title, craft: course.craft, hours: course.hours },
    masterId: group.masterId,
    master: group.master ? { id: group.master.id, fullName: group.master.fullName } : null,
    room: group.room,
    startDate: group.startDate,
    endDate: group.endDate,
    schedule: group.schedule,
    capacity: group.capacity,
    status: group.status,
    seats: { capacity: group.capacity, active: group.activeCount, waitlisted: group.waitlistCount },
    completedAt: group.completedAt,
    createdAt: group.createdAt,
  };
}

function snapshot(group: Group): Record<string, unknown> {
  return {
    code: group.code,
    courseId: group.courseId,
    masterId: group.masterId,
    room: group.room,
    startDate: group.startDate,
    endDate: group.endDate,
    schedule: group.schedule,
    capacity: group.capacity,
    status: group.status,
  };
}

function checkTimetable(timetable: Timetable): void {
  if (timetable.endDate < timetable.startDate) {
    throw new InvalidInputError('endDate', 'must be on or after startDate');
  }
  if (spanTooLong(timetable)) {
    throw new InvalidInputError(
      'endDate',
      `must be at most ${MAX_GROUP_SPAN_YEARS} years after startDate (${latestEndDate(timetable.startDate)})`,
    );
  }
  const [problem] = scheduleProblems(timetable.schedule);
  if (problem) throw new InvalidInputError(problem[0], problem[1]);
}

@Injectable()
export class GroupsService {
  private readonly listeners: GroupListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly env: Environment,
  ) {}

  addListener(listener: GroupListener): void {
    this.listeners.push(listener);
  }

  private async notify(
    event: Exclude<keyof GroupListener, 'groupCompleting'>,
    manager: EntityManager,
    group: Group,
    actor: Actor,
  ): Promise<void> {
    for (const listener of this.listeners) await listener[event]?.(manager, group, actor);
  }

  async createGroup(actor: Actor, input: CreateGroupDto): Promise<GroupView> {
    const schedule = sortSchedule(input.schedule);
    checkTimetable({ startDate: input.startDate, endDate: input.endDate, schedule });
    const id = await this.dataSource.transaction(async (manager) => {
      const course = await manager.findOneBy(Course, { id: input.courseId });
      if (!course)
        throw new InvalidInputError('courseId', `course ${input.courseId} does not exist`);
      if (!course.active)
        throw new ConflictError('course_inactive', `Course "${course.title}" is retired`);
      const group = await manager.save(
        manager.create(Group, {
          code: input.code,
          courseId: input.courseId,
          room: input.room ?? null,
          startDate: input.startDate,
          endDate: input.endDate,
          schedule,
          capacity: input.capacity ?? 8,
        }),
      );
      await this.notify('groupCreated', manager, group, actor);
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'group',
        entityId: group.id,
        changes: snapshot(group),
      });
      return group.id;
    });
    return this.getGroup(actor, id);
  }

  async listGroups(actor: Actor, query: GroupQueryDto): Promise<Page<GroupView>> {
    const where = {
      ...(query.status && { status: query.status }),
      ...(query.courseId && { courseId: query.courseId }),
      ...(actor.role === 'master' && { masterId: actor.id }),
    };
    const repository = this.dataSource.getRepository(Group);
    const [groups, total] = await Promise.all([
      repository.find({
        where,
        relations: { course: true, master: true },
        // Courses and masters by a second query: with joins, TypeORM pages through a DISTINCT
        // subquery over every group; this way the page is an index scan (ix_groups_start_code).
        relationLoadStrategy: 'query',
        order: { startDate: 'DESC', code: 'ASC' },
        take: query.limit,
        skip: query.offset,
      }),
      Object.keys(where).length > 0
        ? repository.count({ where })
        : tableRowCount(this.dataSource, 'groups'),
    ]);
    return { items: groups.map(toGroupView), total };
  }

  /** One group; a master sees only their own (another's is "not found"). */
  async getGroup(actor: Actor, id: string): Promise<GroupView> {
    return toGroupView(await this.findVisibleGroup(actor, id));
  }

  async findVisibleGroup(actor: Actor, id: string): Promise<Group> {
    const group = await this.dataSource
      .getRepository(Group)
      .findOne({ where: { id }, relations: { course: true, master: true } });
    if (!group) throw new NotFoundError('Group', id);
    // Another master's group: 403 as for writes; its roster and marks are never shown.
    if (actor.role === 'master' && group.masterId !== actor.id) {
      throw new ForbiddenError(`Group ${group.code} is taught by another master`);
    }
    return group;
  }

  async updateGroup(actor: Actor, id: string, input: UpdateGroupDto): Promise<GroupView> {
    await this.dataSource.transaction(async (manager) => {
      // A new timetable is checked against the master's other groups: lock the master first, in
      // the order assignMaster uses (master, then group), so the two cannot both pass the check.
      const touchesTimetable =
        input.startDate !== undefined ||
        input.endDate !== undefined ||
        input.schedule !== undefined;
      // The group's active trainees too, first (as enrollment does: trainee, then group), so none
      // of them enrolls elsewhere against the old timetable while the new one is checked.
      if (touchesTimetable) await this.lockActiveTraineesOf(manager, id);
      if (touchesTimetable) await this.lockMasterOf(manager, id);
      const group = await this.lockGroup(manager, id);
      if (!UNFINISHED_GROUP_STATUSES.includes(group.status)) {
        throw new ConflictError(
          'group_finished',
          `Group ${group.code} is ${group.status} and can no longer change`,
        );
      }
      const before = snapshot(group);
      const timetable: Timetable = {
        startDate: input.startDate ?? group.startDate,
        endDate: input.endDate ?? group.endDate,
        schedule: input.schedule ? sortSchedule(input.schedule) : group.schedule,
      };
      checkTimetable(timetable);
      if (input.capacity !== undefined && input.capacity < group.activeCount) {
        throw new ConflictError(
          'capacity_below_active',
          `Group ${group.code} has ${group.activeCount} active trainees; capacity cannot be ${input.capacity}`,
        );
      }
      const timetableChanged =
        timetable.startDate !== group.startDate ||
        timetable.endDate !== group.endDate ||
        JSON.stringify(timetable.schedule) !== JSON.stringify(group.schedule);
      if (timetableChanged && group.masterId) {
        await this.assertMasterFree(manager, group.masterId, { ...timetable, id: group.id });
      }
      if (timetableChanged) await this.assertTraineesFree(manager, group, timetable);
      const seatsAdded = input.capacity !== undefined && input.capacity > group.capacity;
      Object.assign(group, timetable, {
        ...(input.code !== undefined && { code: input.code }),
        ...(input.room !== undefined && { room: input.room }),
        ...(input.capacity !== undefined && { capacity: input.capacity }),
      });
      await manager.save(group);
      if (timetableChanged) await this.notify('timetableChanged', manager, group, actor);
      if (seatsAdded) await this.notify('seatsAdded', manager, group, actor);
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'group',
        entityId: id,
        changes: diffFields(before, snapshot(group)),
      });
    });
    return this.getGroup(actor, id);
  }

  /**
   * Moves a group along `planned → open → in_progress → completed`, or to `cancelled`. Starting
   * more than a week before the start date, and completing before the training is over (the
   * completing listener decides), are refused unless an admin overrides with a reason.
   */
  async transitionGroup(
    actor: Actor,
    id: string,
    transition: GroupTransition,
    options: GroupTransitionOptions = {},
  ): Promise<GroupView> {
    const { from, to } = TRANSITIONS[transition];
    if (options.override && actor.role !== 'admin')
      throw new ForbiddenError('Only an admin may override the rules of a group transition');
    if (options.override && !options.reason)
      throw new InvalidInputError('reason', 'is required with override');
    await this.dataSource.transaction(async (manager) => {
      const group = await this.lockGroup(manager, id);
      if (!from.includes(group.status)) {
        throw new ConflictError(
          'group_status',
          `Group ${group.code} is ${group.status}; it cannot ${transition} (allowed from: ${from.join(', ')})`,
        );
      }
      if (transition === 'start' && !group.masterId) {
        throw new ConflictError(
          'group_has_no_master',
          `Group ${group.code} has no master; assign one before it starts`,
        );
      }
      if (transition === 'start' && !options.override) this.assertMayStart(group);
      const previous = group.status;
      // Listeners change enrollments and the seat counters with SQL of their own: only the status
      // is written here, so nothing they changed is overwritten.
      if (transition === 'complete') {
        for (const listener of this.listeners)
          await listener.groupCompleting?.(manager, group, actor, options);
      }
      if (transition === 'cancel') await this.notify('groupCancelled', manager, group, actor);
      await manager.update(
        Group,
        { id },
        { status: to, ...(transition === 'complete' && { completedAt: () => 'now()' }) },
      );
      group.status = to;
      await this.audit.record(manager, actor, {
        action: transition,
        entity: 'group',
        entityId: id,
        changes: {
          status: { from: previous, to },
          ...(options.override && { override: true, reason: options.reason }),
        },
      });
    });
    return this.getGroup(actor, id);
  }

  /** 422 `group.start_too_early` more than a week before the start date (centre's calendar). */
  private assertMayStart(group: Group): void {
    const today = todayIn(this.env.CENTRE_TIMEZONE);
    const earliestStart = addDays(group.startDate, -EARLIEST_START_DAYS);
    if (today < earliestStart) {
      throw new RuleViolationError(
        'group.start_too_early',
        `Group ${group.code} starts on ${group.startDate}; it can start from ${earliestStart}`,
        { startDate: group.startDate, earliestStart, today },
      );
    }
  }

  /**
   * Assigns a master qualified for the course's craft whose other unfinished groups do not
   * overlap this one. The master's row is locked first, so two assignments of one master run one
   * after the other and cannot both pass the overlap check.
   */
  async assignMaster(actor: Actor, id: string, input: AssignMasterDto): Promise<GroupView> {
    await this.dataSource.transaction(async (manager) => {
      const master = await manager.findOne(User, {
        where: { id: input.masterId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!master || master.role !== 'master' || !master.active) {
        throw new NotFoundError('Master', input.masterId);
      }
      const group = await this.lockGroup(manager, id);
      if (!UNFINISHED_GROUP_STATUSES.includes(group.status)) {
        throw new ConflictError('group_finished', `Group ${group.code} is ${group.status}`);
      }
      const course = await manager.findOneByOrFail(Course, { id: group.courseId });
      const qualified = await manager.existsBy(MasterCraft, {
        userId: master.id,
        craftCode: course.craft,
      });
      if (!qualified) {
        throw new ConflictError(
          'master_not_qualified',
          `${master.fullName} is not qualified to teach ${course.craft}`,
        );
      }
      await this.assertMasterFree(manager, master.id, group);
      const previous = group.masterId;
      group.masterId = master.id;
      await manager.save(group);
      await this.audit.record(manager, actor, {
        action: 'assign_master',
        entity: 'group',
        entityId: id,
        changes: { masterId: { from: previous, to: master.id } },
      });
    });
    return this.getGroup(actor, id);
  }

  async listMasters(craft?: string): Promise<MasterView[]> {
    const query = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.crafts', 'c')
      .where("u.role = 'master' AND u.active")
      .orderBy('u.fullName', 'ASC');
    if (craft) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM master_crafts mc WHERE mc.user_id = u.id AND mc.craft_code = :craft)',
        { craft },
      );
    }
    const masters = await query.getMany();
    const groups = masters.length
      ? await this.dataSource.getRepository(Group).find({
          where: { masterId: In(masters.map((m) => m.id)), status: In(UNFINISHED_GROUP_STATUSES) },
          order: { startDate: 'ASC' },
        })
      : [];
    return masters.map((master) => ({
      id: master.id,
      fullName: master.fullName,
      email: master.email,
      crafts: (master.crafts ?? []).map((c) => c.code).sort(),
      currentGroups: groups
        .filter((g) => g.masterId === master.id)
        .map((g) => ({
          id: g.id,
          code: g.code,
          status: g.status,
          startDate: g.startDate,
          endDate: g.endDate,
        })),
    }));
  }

  private async assertMasterFree(
    manager: EntityManager,
    masterId: string,
    group: Timetable & { id: string },
  ): Promise<void> {
    const others = await manager.find(Group, {
      where: { masterId, status: In(UNFINISHED_GROUP_STATUSES) },
    });
    const clash = others.find((other) => other.id !== group.id && timetablesOverlap(other, group));
    if (clash) {
      throw new ConflictError(
        'master_busy',
        `The master already teaches group ${clash.code} at an overlapping time (${clash.startDate} – ${clash.endDate})`,
      );
    }
  }

  private async lockActiveTraineesOf(manager: EntityManager, groupId: string): Promise<void> {
    await manager.query(
      `SELECT t.id FROM trainees t
        WHERE t.id IN (SELECT trainee_id FROM enrollments WHERE group_id = $1 AND status = 'active')
        ORDER BY t.id FOR UPDATE`,
      [groupId],
    );
  }

  /**
   * A new timetable must not overlap another active group of any of the group's active trainees
   * (the rule enrollment applies; timetables_overlap is the SQL twin of timetablesOverlap).
   */
  private async assertTraineesFree(
    manager: EntityManager,
    group: Group,
    timetable: Timetable,
  ): Promise<void> {
    const [clash] = await manager.query<{ last_name: string; first_name: string; code: string }[]>(
      `SELECT t.last_name, t.first_name, og.code
         FROM enrollments e
         JOIN trainees t ON t.id = e.trainee_id
         JOIN enrollments oe ON oe.trainee_id = e.trainee_id AND oe.status = 'active'
                            AND oe.group_id <> e.group_id
         JOIN groups og ON og.id = oe.group_id
        WHERE e.group_id = $1 AND e.status = 'active'
          AND timetables_overlap($2::date, $3::date, $4::jsonb, og.start_date, og.end_date, og.schedule)
        ORDER BY t.last_name, t.first_name, og.code
        LIMIT 1`,
      [group.id, timetable.startDate, timetable.endDate, JSON.stringify(timetable.schedule)],
    );
    if (clash) {
      throw new ConflictError(
        'trainee_schedule_overlap',
        `Trainee ${clash.last_name} ${clash.first_name} of group ${group.code} is active in group ${clash.code}, whose dates and times overlap the new timetable`,
      );
    }
  }

  private async lockMasterOf(manager: EntityManager, groupId: string): Promise<void> {
    await manager.query(
      `SELECT u.id FROM users u JOIN groups g ON g.master_id = u.id WHERE g.id = $1 FOR UPDATE OF u`,
      [groupId],
    );
  }

  private async lockGroup(manager: EntityManager, id: string): Promise<Group> {
    const group = await manager.findOne(Group, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!group) throw new NotFoundError('Group', id);
    return group;
  }
}
