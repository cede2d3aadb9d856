import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, auditActor } from '@sheber/audit';
import { Actor, ConflictError, NotFoundError, Page } from '@sheber/common';
import { databaseRefusal } from '@sheber/database/postgres-errors';
import { preparedRows, type PreparedStatement, sqlRows } from '@sheber/database/sql';
import {
  Group,
  GroupsService,
  type GroupListener,
  type ScheduleSlot,
  timetablesOverlap,
} from '@sheber/groups';
import { attendanceRate, MARK_COUNTS_SQL, type MarkCounts } from './attendance-rate';
import { EnrollmentEvents } from './enrollment-events';
import { lockGroupOfEnrollment } from './lock-order';
import { EnrollmentResultView, RosterEntryView, TraineeEnrollmentView } from './dto/enrollment.dto';
import type { EnrollmentStatus } from './entities/enrollment.entity';

/** A refusal raised by enroll_trainee (SQLSTATE SHB01) as the domain error it stands for. */
function enrollmentRefusal(error: unknown, groupId: string, traineeId: string): Error | null {
  const refusal = databaseRefusal(error);
  if (!refusal) return null;
  if (refusal.message === 'trainee_not_found') return new NotFoundError('Trainee', traineeId);
  if (refusal.message === 'group_not_found') return new NotFoundError('Group', groupId);
  return new ConflictError(refusal.message!, refusal.detail ?? refusal.message!);
}

const ENROLL: PreparedStatement = {
  name: 'enroll_trainee',
  text: 'SELECT out_id, out_status, out_position FROM enroll_trainee($1, $2, $3, $4, $5)',
};

type EnrollRow = { out_id: string; out_status: EnrollmentStatus; out_position: number | null };

/**
 * Enrollment and the waitlist. The seat cap is enforced by PostgreSQL: a guarded update
 * (`active_count < capacity`) takes a seat and locks the group row until commit, so concurrent
 * requests for one group run one after the other, across any number of API processes; the check
 * constraint ck_group_active_within_capacity is the backstop. Lock order is always trainee, then
 * group, then enrollment rows, so the transactions cannot deadlock each other.
 */
@Injectable()
export class EnrollmentsService implements OnModuleInit, GroupListener {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly groups: GroupsService,
    private readonly events: EnrollmentEvents,
  ) {}

  onModuleInit(): void {
    this.groups.addListener(this);
  }

  /**
   * Enrolls through the database function `enroll_trainee` (one round trip): it locks the
   * trainee, takes a seat with the guarded counter or a waitlist place, refuses an overlap with
   * the trainee's other active groups, and writes the enrollment and its audit row. One statement,
   * so no transaction of our own: it is atomic and a refusal rolls it back. The busiest write of
   * the API, so it runs as a prepared statement.
   */
  async enrollTrainee(
    actor: Actor,
    groupId: string,
    traineeId: string,
  ): Promise<EnrollmentResultView> {
    return this.enroll(actor, groupId, traineeId, (values) =>
      preparedRows<EnrollRow>(this.dataSource, ENROLL, values),
    );
  }

  /** The same enrollment inside the caller's transaction (a referral's intake enrolls in its own). */
  async enrollTraineeWithin(
    manager: EntityManager,
    actor: Actor,
    groupId: string,
    traineeId: string,
  ): Promise<EnrollmentResultView> {
    return this.enroll(actor, groupId, traineeId, (values) =>
      manager.query<EnrollRow[]>(ENROLL.text, values),
    );
  }

  private async enroll(
    actor: Actor,
    groupId: string,
    traineeId: string,
    run: (values: unknown[]) => Promise<EnrollRow[]>,
  ): Promise<EnrollmentResultView> {
    try {
      const [row] = await run([groupId, traineeId, ...auditActor(actor)]);
      return { id: row!.out_id, status: row!.out_status, waitlistPosition: row!.out_position };
    } catch (error) {
      throw enrollmentRefusal(error, groupId, traineeId) ?? error;
    }
  }

  /**
   * Withdraws an active or waitlisted trainee. Withdrawing an active one gives the seat to the
   * first on the waitlist in the same transaction; either way the waitlist closes its gap.
   */
  async withdrawEnrollment(
    actor: Actor,
    enrollmentId: string,
    reason: string,
  ): Promise<EnrollmentResultView> {
    return this.dataSource.transaction(async (manager) => {
      const groupId = await lockGroupOfEnrollment(manager, enrollmentId);
      const [enrollment] = await sqlRows<{
        status: EnrollmentStatus;
        waitlist_position: number | null;
      }>(manager, 'SELECT status, waitlist_position FROM enrollments WHERE id = $1 FOR UPDATE', [
        enrollmentId,
      ]);
      if (!enrollment || (enrollment.status !== 'active' && enrollment.status !== 'waitlisted')) {
        throw new ConflictError(
          'enrollment_closed',
          `The enrollment is ${enrollment?.status ?? 'gone'}; only an active or waitlisted one can be withdrawn`,
        );
      }
      await sqlRows(
        manager,
        `UPDATE enrollments SET status = 'withdrawn', waitlist_position = NULL, status_reason = $2,
                status_changed_at = now(), updated_at = now()
          WHERE id = $1`,
        [enrollmentId, reason],
      );
      if (enrollment.status === 'active') {
        await sqlRows(
          manager,
          'UPDATE groups SET active_count = active_count - 1, updated_at = now() WHERE id = $1',
          [groupId],
        );
      } else {
        await sqlRows(
          manager,
          'UPDATE groups SET waitlist_count = waitlist_count - 1, updated_at = now() WHERE id = $1',
          [groupId],
        );
        await this.closeWaitlistGap(manager, groupId, enrollment.waitlist_position!);
      }
      await this.audit.record(manager, actor, {
        action: 'withdraw',
        entity: 'enrollment',
        entityId: enrollmentId,
        changes: { status: { from: enrollment.status, to: 'withdrawn' }, reason },
      });
      if (enrollment.status === 'active') await this.fillFreeSeats(manager, groupId, actor);
      await this.events.enrollmentsClosed(manager, [enrollmentId], actor);
      return { id: enrollmentId, status: 'withdrawn', waitlistPosition: null };
    });
  }

  /** The group's enrollments: active first, then the waitlist in order, then the others. */
  async listGroupEnrollments(
    actor: Actor,
    groupId: string,
    page: { limit: number; offset: number },
  ): Promise<Page<RosterEntryView>> {
    await this.groups.findVisibleGroup(actor, groupId);
    const rows = await this.dataSource.query<
      (MarkCounts & {
        id: string;
        trainee_id: string;
        last_name: string;
        first_name: string;
        patronymic: string | null;
        status: EnrollmentStatus;
        waitlist_position: number | null;
        status_changed_at: Date;
        total: string;
      })[]
    >(
      `SELECT e.id, e.trainee_id, t.last_name, t.first_name, t.patronymic, e.status, e.waitlist_position,
              e.status_changed_at, counts.*, held_lessons.held, count(*) OVER () AS total
         FROM enrollments e JOIN trainees t ON t.id = e.trainee_id
         ${MARK_COUNTS_SQL}
        WHERE e.group_id = $1
        ORDER BY CASE e.status WHEN 'active' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END,
                 e.waitlist_position NULLS LAST, t.last_name, t.first_name, e.id
        LIMIT $2 OFFSET $3`,
      [groupId, page.limit, page.offset],
    );
    const total = rows[0] ? Number(rows[0].total) : await this.countGroupEnrollments(groupId);
    return {
      total,
      items: rows.map((row) => ({
        id: row.id,
        traineeId: row.trainee_id,
        trainee: { lastName: row.last_name, firstName: row.first_name, patronymic: row.patronymic },
        status: row.status,
        waitlistPosition: row.waitlist_position,
        attendanceRate: attendanceRate(row),
        statusChangedAt: row.status_changed_at,
      })),
    };
  }

  /** A trainee's enrollments in every group, newest first, with attendance rates. */
  async listTraineeEnrollments(traineeId: string): Promise<TraineeEnrollmentView[]> {
    const rows = await this.dataSource.query<
      (MarkCounts & {
        id: string;
        group_id: string;
        code: string;
        title: string;
        craft: string;
        start_date: string;
        end_date: string;
        status: EnrollmentStatus;
        waitlist_position: number | null;
        status_changed_at: Date;
      })[]
    >(
      `SELECT e.id, e.group_id, g.code, c.title, c.craft, to_char(g.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(g.end_date, 'YYYY-MM-DD') AS end_date, e.status, e.waitlist_position,
              e.status_changed_at, counts.*, held_lessons.held
         FROM enrollments e
         JOIN groups g ON g.id = e.group_id
         JOIN courses c ON c.id = g.course_id
         ${MARK_COUNTS_SQL}
        WHERE e.trainee_id = $1
        ORDER BY g.start_date DESC, e.created_at DESC`,
      [traineeId],
    );
    return rows.map((row) => ({
      id: row.id,
      group: { id: row.group_id, code: row.code, startDate: row.start_date, endDate: row.end_date },
      course: { title: row.title, craft: row.craft },
      status: row.status,
      waitlistPosition: row.waitlist_position,
      attendanceRate: attendanceRate(row),
      statusChangedAt: row.status_changed_at,
    }));
  }

  /** Raising a group's capacity moves trainees up from the waitlist at once. */
  async seatsAdded(manager: EntityManager, group: Group, actor: Actor): Promise<void> {
    await this.fillFreeSeats(manager, group.id, actor);
  }

  /** A cancelled group releases everyone: its active and waitlisted trainees are withdrawn. */
  async groupCancelled(manager: EntityManager, group: Group, actor: Actor): Promise<void> {
    const released = await sqlRows<{ id: string; status: EnrollmentStatus }>(
      manager,
      `UPDATE enrollments e SET status = 'withdrawn', waitlist_position = NULL,
              status_reason = 'group cancelled', status_changed_at = now(), updated_at = now()
         FROM enrollments old
        WHERE e.id = old.id AND e.group_id = $1 AND e.status IN ('active', 'waitlisted')
        RETURNING e.id, old.status`,
      [group.id],
    );
    await sqlRows(manager, 'UPDATE groups SET active_count = 0, waitlist_count = 0 WHERE id = $1', [
      group.id,
    ]);
    for (const enrollment of released) {
      await this.audit.record(manager, actor, {
        action: 'withdraw',
        entity: 'enrollment',
        entityId: enrollment.id,
        changes: {
          status: { from: enrollment.status, to: 'withdrawn' },
          reason: 'group cancelled',
        },
      });
    }
    await this.events.enrollmentsClosed(
      manager,
      released.map((e) => e.id),
      actor,
    );
  }

  /**
   * Gives free seats to the waitlist, in order. A waitlisted trainee who has meanwhile become
   * active in an overlapping group is passed over and keeps their place. The caller holds the
   * group's row lock.
   */
  private async fillFreeSeats(
    manager: EntityManager,
    groupId: string,
    actor: Actor,
  ): Promise<void> {
    const [group] = await sqlRows<{
      free: number;
      start_date: string;
      end_date: string;
      schedule: ScheduleSlot[];
    }>(
      manager,
      `SELECT capacity - active_count AS free, to_char(start_date, 'YYYY-MM-DD') AS start_date,
              to_char(end_date, 'YYYY-MM-DD') AS end_date, schedule
         FROM groups WHERE id = $1 FOR UPDATE`,
      [groupId],
    );
    if (!group || group.free <= 0) return;
    const waiting = await sqlRows<{ id: string; trainee_id: string; waitlist_position: number }>(
      manager,
      `SELECT id, trainee_id, waitlist_position FROM enrollments
        WHERE group_id = $1 AND status = 'waitlisted' ORDER BY waitlist_position FOR UPDATE`,
      [groupId],
    );
    let free = group.free;
    const promoted: { id: string; position: number }[] = [];
    for (const candidate of waiting) {
      if (free === 0) break;
      const active = await sqlRows<{
        start_date: string;
        end_date: string;
        schedule: ScheduleSlot[];
      }>(
        manager,
        `SELECT to_char(g.start_date, 'YYYY-MM-DD') AS start_date, to_char(g.end_date, 'YYYY-MM-DD') AS end_date, g.schedule
           FROM enrollments e JOIN groups g ON g.id = e.group_id
          WHERE e.trainee_id = $1 AND e.status = 'active' AND e.group_id <> $2`,
        [candidate.trainee_id, groupId],
      );
      const timetable = {
        startDate: group.start_date,
        endDate: group.end_date,
        schedule: group.schedule,
      };
      if (
        active.some((a) =>
          timetablesOverlap(
            { startDate: a.start_date, endDate: a.end_date, schedule: a.schedule },
            timetable,
          ),
        )
      ) {
        continue;
      }
      await sqlRows(
        manager,
        `UPDATE enrollments SET status = 'active', waitlist_position = NULL, status_changed_at = now(), updated_at = now()
          WHERE id = $1`,
        [candidate.id],
      );
      promoted.push({ id: candidate.id, position: candidate.waitlist_position });
      free -= 1;
    }
    if (promoted.length === 0) return;
    await sqlRows(
      manager,
      `UPDATE groups SET active_count = active_count + $2, waitlist_count = waitlist_count - $2, updated_at = now()
        WHERE id = $1`,
      [groupId, promoted.length],
    );
    await this.renumberWaitlist(manager, groupId);
    for (const { id, position } of promoted) {
      await this.audit.record(manager, actor, {
        action: 'promote',
        entity: 'enrollment',
        entityId: id,
        changes: {
          status: { from: 'waitlisted', to: 'active' },
          waitlistPosition: { from: position, to: null },
        },
      });
    }
  }

  /** Moves everyone after `position` up by one. */
  private async closeWaitlistGap(
    manager: EntityManager,
    groupId: string,
    position: number,
  ): Promise<void> {
    // Two steps through negative numbers, so the unique (group, position) index never sees a
    // duplicate in the middle of the shift.
    await sqlRows(
      manager,
      `UPDATE enrollments SET waitlist_position = -(waitlist_position - 1)
        WHERE group_id = $1 AND status = 'waitlisted' AND waitlist_position > $2`,
      [groupId, position],
    );
    await sqlRows(
      manager,
      `UPDATE enrollments SET waitlist_position = -waitlist_position
        WHERE group_id = $1 AND status = 'waitlisted' AND waitlist_position < 0`,
      [groupId],
    );
  }

  /** Numbers the waitlist 1, 2, 3 … in its current order. */
  private async renumberWaitlist(manager: EntityManager, groupId: string): Promise<void> {
    await sqlRows(
      manager,
      `UPDATE enrollments e SET waitlist_position = -r.n
         FROM (SELECT id, row_number() OVER (ORDER BY waitlist_position) AS n
                 FROM enrollments WHERE group_id = $1 AND status = 'waitlisted') r
        WHERE e.id = r.id`,
      [groupId],
    );
    await sqlRows(
      manager,
      `UPDATE enrollments SET waitlist_position = -waitlist_position
        WHERE group_id = $1 AND status = 'waitlisted' AND waitlist_position < 0`,
      [groupId],
    );
  }

  private async countGroupEnrollments(groupId: string): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM enrollments WHERE group_id = $1',
      [groupId],
    );
    return row?.n ?? 0;
  }
}
