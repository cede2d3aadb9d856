import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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
import {
  AssignMasterDto,
  CreateGroupDto,
  GroupQueryDto,
  GroupView,
  MasterView,
  UpdateGroupDto,
} from './dto/group.dto';
import { Group } from './entities/group.entity';
import { GROUP_TRANSITIONS, type GroupTransition, UNFINISHED_GROUP_STATUSES } from './group-status';
import { courseOfGroup } from './group-course.queries';
import { groupView, groupViewPage } from './group-view.queries';
import { TraineesRepository } from '@sheber/trainees';
import { UsersRepository } from '@sheber/users';
import { WorkshopsRepository } from '@sheber/workshops';
import { GroupsRepository } from './groups.repository';
import { activeMasters, masterQualification } from './master-assignment.queries';
import {
  latestEndDate,
  MAX_GROUP_SPAN_YEARS,
  scheduleProblems,
  sortSchedule,
  spanTooLong,
  timetablesOverlap,
  type Timetable,
} from './schedule';
import { activeTraineeIdsOf, traineeTimetableClash } from './timetable-change.queries';

/** An admin's override of the timing rules of start and completion, always with a reason. */
export interface GroupTransitionOptions {
  override?: boolean;
  reason?: string;
}

/** A group may start at most this many days before its start date. */
export const EARLIEST_START_DAYS = 7;

function snapshot(group: Group): Record<string, unknown> {
  return {
    code: group.code,
    courseId: group.courseId,
    masterId: group.masterId,
    workshopId: group.workshopId,
    startDate: group.startDate,
    endDate: group.endDate,
    schedule: group.schedule,
    capacity: group.capacity,
    status: group.status,
  };
}

function checkTimetable(timetable: Timetable): void {
  if (timetable.endDate < timetable.startDate) {
    throw new InvalidInputError('endDate', 'group.end_before_start');
  }
  if (spanTooLong(timetable)) {
    throw new InvalidInputError('endDate', 'group.span_too_long', {
      years: MAX_GROUP_SPAN_YEARS,
      latest: latestEndDate(timetable.startDate),
    });
  }
  const [problem] = scheduleProblems(timetable.schedule);
  if (problem) throw new InvalidInputError(problem.field, problem.code, problem.params);
}

/** A change of a group written and not yet audited: what the other domains must follow. */
export interface GroupChange {
  group: Group;
  /** The group's fields before the change, for the audit row. */
  before: Record<string, unknown>;
  timetableChanged: boolean;
  seatsAdded: boolean;
}

/**
 * A group's own rules and rows. What other domains do when a group is created, changed, moves on
 * or is reopened (lessons, seats, completion, referrals) is called in order by the use cases of
 * `libs/training`, inside the transaction they open; so this lib depends on none of them.
 */
@Injectable()
export class GroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: GroupsRepository,
    private readonly users: UsersRepository,
    private readonly trainees: TraineesRepository,
    private readonly workshops: WorkshopsRepository,
    private readonly audit: AuditService,
    private readonly env: Environment,
  ) {}

  /**
   * Writes a new group (status `planned`) of an active course, in the caller's transaction; the
   * caller generates its lessons and then records it with `recordGroupCreated`.
   */
  async insertNewGroup(manager: EntityManager, input: CreateGroupDto): Promise<Group> {
    const schedule = sortSchedule(input.schedule);
    checkTimetable({ startDate: input.startDate, endDate: input.endDate, schedule });
    const course = await courseOfGroup(manager, input.courseId);
    if (!course) throw new InvalidInputError('courseId', 'course.not_found');
    if (!course.active) throw new ConflictError('course.retired', { title: course.title });
    const fields = {
      code: input.code,
      courseId: input.courseId,
      workshopId: input.workshopId ?? null,
      startDate: input.startDate,
      endDate: input.endDate,
      schedule,
      capacity: input.capacity ?? 8,
    };
    if (fields.workshopId) {
      await this.assertWorkshopFits(
        manager,
        fields.workshopId,
        { ...fields, craft: course.craft },
        true,
      );
    }
    return this.repository.insertGroup(manager, fields);
  }

  /** The audit row of a new group, last in the transaction that created it. */
  async recordGroupCreated(manager: EntityManager, actor: Actor, group: Group): Promise<void> {
    await this.audit.record(manager, actor, {
      action: 'create',
      entity: 'group',
      entityId: group.id,
      changes: await this.workshopNamed(manager, snapshot(group)),
    });
  }

  /**
   * The audit row says which workshop by its name, as a reader of the log knows it, in place of
   * its id: `workshop: name`, or `{ from, to }` of names for a change.
   */
  private async workshopNamed(
    manager: EntityManager,
    changes: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    if (!('workshopId' in changes)) return changes;
    const { workshopId, ...rest } = changes;
    const name = async (id: unknown) =>
      typeof id === 'string' ? ((await this.workshops.workshopName(manager, id)) ?? id) : null;
    const change = workshopId as { from: unknown; to: unknown } | string | null;
    const workshop =
      change !== null && typeof change === 'object'
        ? { from: await name(change.from), to: await name(change.to) }
        : await name(change);
    return { ...rest, workshop };
  }

  /** Newest start first; a master sees only their own groups. */
  async listGroups(actor: Actor, query: GroupQueryDto): Promise<Page<GroupView>> {
    const filter = {
      status: query.status,
      courseId: query.courseId,
      masterId: actor.role === 'master' ? actor.id : undefined,
      search: query.search,
    };
    const [page, count] = await Promise.all([
      groupViewPage(this.dataSource, filter, { limit: query.limit, offset: query.offset }),
      query.search?.trim() ? undefined : this.repository.countGroups(filter),
    ]);
    return { items: page.items, total: page.total ?? count ?? 0 };
  }

  /** One group; a master sees only their own (another's is 403). */
  async getGroup(actor: Actor, id: string): Promise<GroupView> {
    const view = await groupView(this.dataSource, id);
    if (!view) throw new NotFoundError('Group', id);
    this.assertVisible(actor, view);
    return view;
  }

  /** The group (without course or master) if the actor may see it. */
  async findVisibleGroup(actor: Actor, id: string): Promise<Group> {
    const group = await this.repository.findGroup(id);
    if (!group) throw new NotFoundError('Group', id);
    this.assertVisible(actor, group);
    return group;
  }

  private assertVisible(actor: Actor, group: { code: string; masterId: string | null }): void {
    // Another master's group: 403 as for writes; its roster and marks are never shown.
    if (actor.role === 'master' && group.masterId !== actor.id) {
      throw new ForbiddenError('group.other_master', { group: group.code });
    }
  }

  /**
   * Changes a group that has not finished, in the caller's transaction, without its audit row:
   * the caller regenerates lessons when the timetable changed, gives added seats to the waitlist,
   * and then records the change with `recordGroupChange`.
   */
  async changeGroup(
    manager: EntityManager,
    id: string,
    input: UpdateGroupDto,
  ): Promise<GroupChange> {
    // A new timetable is checked against the master's other groups: lock the master first, in
    // the order assignMaster uses (master, then group), so the two cannot both pass the check.
    const touchesTimetable =
      input.startDate !== undefined || input.endDate !== undefined || input.schedule !== undefined;
    // The group's active trainees too, first (as enrollment does: trainee, then group), so none
    // of them enrolls elsewhere against the old timetable while the new one is checked.
    if (touchesTimetable) {
      await this.trainees.lockTrainees(manager, await activeTraineeIdsOf(manager, id));
      const masterId = await this.repository.masterIdOf(manager, id);
      if (masterId) await this.users.lockUser(manager, masterId);
    }
    const group = await this.lockGroup(manager, id);
    if (!UNFINISHED_GROUP_STATUSES.includes(group.status)) {
      throw new ConflictError('group.finished', { group: group.code, status: group.status });
    }
    const before = snapshot(group);
    const timetable: Timetable = {
      startDate: input.startDate ?? group.startDate,
      endDate: input.endDate ?? group.endDate,
      schedule: input.schedule ? sortSchedule(input.schedule) : group.schedule,
    };
    checkTimetable(timetable);
    if (input.capacity !== undefined && input.capacity < group.activeCount) {
      throw new ConflictError('group.capacity_below_active', {
        group: group.code,
        active: group.activeCount,
        capacity: input.capacity,
      });
    }
    const timetableChanged =
      timetable.startDate !== group.startDate ||
      timetable.endDate !== group.endDate ||
      JSON.stringify(timetable.schedule) !== JSON.stringify(group.schedule);
    if (timetableChanged && group.masterId) {
      await this.assertMasterFree(manager, group.masterId, { ...timetable, id: group.id });
    }
    if (timetableChanged) await this.assertTraineesFree(manager, group, timetable);
    const workshopId = input.workshopId !== undefined ? input.workshopId : group.workshopId;
    const workshopChosen = workshopId !== null && workshopId !== group.workshopId;
    const capacity = input.capacity ?? group.capacity;
    if (workshopId && (workshopChosen || timetableChanged || capacity !== group.capacity)) {
      const course = await courseOfGroup(manager, group.courseId);
      await this.assertWorkshopFits(
        manager,
        workshopId,
        { ...timetable, id: group.id, capacity, craft: course!.craft },
        workshopChosen,
      );
    }
    const seatsAdded = input.capacity !== undefined && input.capacity > group.capacity;
    Object.assign(group, timetable, {
      ...(input.code !== undefined && { code: input.code }),
      ...(input.workshopId !== undefined && { workshopId: input.workshopId }),
      ...(input.capacity !== undefined && { capacity: input.capacity }),
    });
    await this.repository.saveGroup(manager, group);
    return { group, before, timetableChanged, seatsAdded };
  }

  /** The audit row of a change, last in its transaction. */
  async recordGroupChange(
    manager: EntityManager,
    actor: Actor,
    change: GroupChange,
  ): Promise<void> {
    await this.audit.record(manager, actor, {
      action: 'update',
      entity: 'group',
      entityId: change.group.id,
      changes: await this.workshopNamed(manager, diffFields(change.before, snapshot(change.group))),
    });
  }

  /**
   * The first step of moving a group along `planned → open → in_progress → completed`, or to
   * `cancelled`, in the caller's transaction: locks the group and checks the move. Starting more
   * than a week before the start date is refused unless an admin overrides with a reason (the
   * completion's own rules are checked by the caller). The caller then does what the move means
   * to the other domains and ends it with `finishTransition`.
   */
  async beginTransition(
    manager: EntityManager,
    actor: Actor,
    id: string,
    transition: GroupTransition,
    options: GroupTransitionOptions,
  ): Promise<Group> {
    const { from } = GROUP_TRANSITIONS[transition];
    if (options.override && actor.role !== 'admin')
      throw new ForbiddenError('group.override_admin_only');
    if (options.override && !options.reason)
      throw new InvalidInputError('reason', 'field.required');
    const group = await this.lockGroup(manager, id);
    if (!from.includes(group.status)) {
      throw new ConflictError('group.wrong_status', {
        group: group.code,
        status: group.status,
        allowedFrom: from.join(', '),
      });
    }
    if (transition === 'start' && !group.masterId) {
      throw new ConflictError('group.no_master', { group: group.code });
    }
    if (transition === 'start' && !options.override) this.assertMayStart(group);
    return group;
  }

  /**
   * Writes the new status and the move's audit row. Only the status is written: the enrollments
   * changed meanwhile (and the seat counters, by their trigger) are not overwritten.
   */
  async finishTransition(
    manager: EntityManager,
    actor: Actor,
    group: Group,
    transition: GroupTransition,
    options: GroupTransitionOptions,
  ): Promise<void> {
    const { to } = GROUP_TRANSITIONS[transition];
    const previous = group.status;
    await this.repository.setStatus(manager, group.id, to, transition === 'complete');
    group.status = to;
    await this.audit.record(manager, actor, {
      action: transition,
      entity: 'group',
      entityId: group.id,
      changes: {
        status: { from: previous, to },
        ...(options.override && { override: true, reason: options.reason }),
      },
    });
  }

  /** 422 `group.start_too_early` more than a week before the start date (centre's calendar). */
  private assertMayStart(group: Group): void {
    const today = todayIn(this.env.CENTRE_TIMEZONE);
    const earliestStart = addDays(group.startDate, -EARLIEST_START_DAYS);
    if (today < earliestStart) {
      throw new RuleViolationError(
        'group.start_too_early',
        { group: group.code, startDate: group.startDate, earliestStart },
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
      const master = await this.users.lockUser(manager, input.masterId);
      if (!master || master.role !== 'master' || !master.active) {
        throw new NotFoundError('Master', input.masterId);
      }
      const group = await this.lockGroup(manager, id);
      if (!UNFINISHED_GROUP_STATUSES.includes(group.status)) {
        throw new ConflictError('group.finished', { group: group.code, status: group.status });
      }
      const { craft, qualified } = await masterQualification(manager, master.id, group.courseId);
      if (!qualified) {
        throw new ConflictError('master.not_qualified', { master: master.full_name, craft });
      }
      await this.assertMasterFree(manager, master.id, group);
      const previous = group.masterId;
      group.masterId = master.id;
      await this.repository.saveGroup(manager, group);
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
    const masters = await activeMasters(this.dataSource, craft);
    const groups = await this.repository.unfinishedGroupsOf(masters.map((m) => m.id));
    return masters.map((master) => ({
      id: master.id,
      fullName: master.full_name,
      email: master.email,
      crafts: master.crafts,
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
    const others = await this.repository.unfinishedGroupsOf([masterId], manager);
    const clash = others.find((other) => other.id !== group.id && timetablesOverlap(other, group));
    if (clash) {
      throw new ConflictError('master.busy', {
        group: clash.code,
        from: clash.startDate,
        to: clash.endDate,
      });
    }
  }

  /**
   * The workshop a group is to be held in, its row locked first (after the group's own, the order
   * every caller keeps): it must exist; when newly chosen, be active and of the course's craft;
   * have a workplace for each seat; and hold no other unfinished group at an overlapping time
   * (409 naming that group, as for a master).
   */
  private async assertWorkshopFits(
    manager: EntityManager,
    workshopId: string,
    group: Timetable & { id?: string; capacity: number; craft: string },
    newlyChosen: boolean,
  ): Promise<void> {
    const workshop = await this.workshops.lockWorkshop(manager, workshopId);
    if (!workshop) throw new InvalidInputError('workshopId', 'workshop.not_found');
    const named = { workshop: workshop.name };
    if (newlyChosen && !workshop.active) throw new ConflictError('workshop.retired', named);
    if (newlyChosen && workshop.craft !== group.craft) {
      throw new ConflictError('workshop.other_craft', named);
    }
    if (group.capacity > workshop.workplaces) {
      throw new ConflictError('workshop.too_few_workplaces', {
        ...named,
        workplaces: workshop.workplaces,
        capacity: group.capacity,
      });
    }
    const others = await this.repository.unfinishedGroupsIn(manager, workshopId);
    const clash = others.find((other) => other.id !== group.id && timetablesOverlap(other, group));
    if (clash) {
      throw new ConflictError('workshop.busy', {
        ...named,
        group: clash.code,
        from: clash.startDate,
        to: clash.endDate,
      });
    }
  }

  /**
   * Locks the master of a group about to run again, before the group's row (the order assignment
   * keeps); the caller then locks the group and calls `assertFreeToRunAgain`.
   */
  async lockMasterOf(manager: EntityManager, groupId: string): Promise<void> {
    const masterId = await this.repository.masterIdOf(manager, groupId);
    if (masterId) await this.users.lockUser(manager, masterId);
  }

  /**
   * A completed group reopened runs again: its master and its workshop must still be free at its
   * times (another group may have taken them since the completion). The caller holds the group's
   * row lock and, before it, the master's (`lockMasterOf`); the workshop's is taken here.
   */
  async assertFreeToRunAgain(manager: EntityManager, groupId: string): Promise<void> {
    const group = await this.repository.lockGroup(manager, groupId);
    if (!group) throw new NotFoundError('Group', groupId);
    if (group.masterId) await this.assertMasterFree(manager, group.masterId, group);
    if (group.workshopId) {
      const course = await courseOfGroup(manager, group.courseId);
      await this.assertWorkshopFits(
        manager,
        group.workshopId,
        { ...group, craft: course!.craft },
        false,
      );
    }
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
    const clash = await traineeTimetableClash(manager, group.id, timetable);
    if (clash) {
      throw new ConflictError('group.trainee_schedule_overlap', {
        trainee: `${clash.last_name} ${clash.first_name}`,
        other: clash.code,
        group: group.code,
      });
    }
  }

  private async lockGroup(manager: EntityManager, id: string): Promise<Group> {
    const group = await this.repository.lockGroup(manager, id);
    if (!group) throw new NotFoundError('Group', id);
    return group;
  }
}
