import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, auditActor } from '@sheber/audit';
import { Actor, ConflictError, isDottedCode, NotFoundError, Page } from '@sheber/common';
import { databaseRefusal, refusalParams } from '@sheber/database/postgres-errors';
import { preparedRows, type PreparedStatement } from '@sheber/database/sql';
import {
  ENROLLING_GROUP_STATUSES,
  GroupsRepository,
  GroupsService,
  timetablesOverlap,
} from '@sheber/groups';
import { activeTimetablesOf } from './active-timetables.queries';
import { attendanceRate } from './attendance-rate';
import { ENROLLMENT_TRANSITIONS, type EnrollmentStatus } from './enrollment-status';
import { EnrollmentsRepository } from './enrollments.repository';
import { lockGroupOfEnrollment } from './lock-order';
import { rosterPage } from './roster.queries';
import { traineeEnrollments } from './trainee-enrollments.queries';
import {
  EnrollmentResultView,
  RosterEntryView,
  TraineeEnrollmentView,
  WaitlistPromotionView,
  WithdrawalView,
} from './dto/enrollment.dto';
import {
  type PromotionRow,
  promotionsByIds,
  unacknowledgedPromotions,
} from './waitlist-promotions.queries';

/** A refusal raised by enroll_trainee (SQLSTATE SHB01) as the domain error it stands for. */
export function toPromotionView(row: PromotionRow): WaitlistPromotionView {
  return {
    id: row.id,
    promotedAt: row.promoted_at,
    enrollmentId: row.enrollment_id,
    enrollmentStatus: row.enrollment_status as EnrollmentStatus,
    trainee: {
      id: row.trainee_id,
      lastName: row.last_name,
      firstName: row.first_name,
      patronymic: row.patronymic,
      phone: row.phone,
      guardianName: row.guardian_name,
      guardianPhone: row.guardian_phone,
    },
    group: { id: row.group_id, code: row.group_code },
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by_name,
  };
}

function enrollmentRefusal(error: unknown, groupId: string, traineeId: string): Error | null {
  const refusal = databaseRefusal(error);
  if (!refusal) return null;
  const code = refusal.message;
  if (code === 'trainee.not_found') return new NotFoundError('Trainee', traineeId);
  if (code === 'group.not_found') return new NotFoundError('Group', groupId);
  // enrollment.already_enrolled, group.not_enrolling, enrollment.schedule_overlap: they name
  // the groups, so the message in any language can say which.
  return isDottedCode(code) ? new ConflictError(code, refusalParams(refusal)) : null;
}

/** The statuses of a group that accept enrollment go with every call (`$3`), never copied. */
const ENROLL: PreparedStatement = {
  name: 'enroll_trainee',
  text: 'SELECT out_id, out_status, out_position FROM enroll_trainee($1, $2, $3, $4, $5, $6)',
};

type EnrollRow = { out_id: string; out_status: EnrollmentStatus; out_position: number | null };

/**
 * Enrollment and the waitlist. The seat cap is enforced by PostgreSQL: enroll_trainee takes a seat
 * only under the group's row lock (`active_count < capacity`), so concurrent requests for one
 * group run one after the other, across any number of API processes; the trigger
 * enrollment_seat_counters moves the counters with the rows, and the check constraint
 * ck_group_active_within_capacity is the backstop. Lock order is always trainee, then group, then
 * enrollment rows, so the transactions cannot deadlock each other.
 */
@Injectable()
export class EnrollmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: EnrollmentsRepository,
    private readonly groupsRepository: GroupsRepository,
    private readonly audit: AuditService,
    private readonly groups: GroupsService,
  ) {}

  /**
   * Enrolls through the database function `enroll_trainee` (one round trip): it locks the
   * trainee, then the group, takes a free seat or a waitlist place, refuses an overlap with the
   * trainee's other active groups, and writes the enrollment and its audit row. One statement,
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
      const [row] = await run([groupId, traineeId, ENROLLING_GROUP_STATUSES, ...auditActor(actor)]);
      return { id: row!.out_id, status: row!.out_status, waitlistPosition: row!.out_position };
    } catch (error) {
      throw enrollmentRefusal(error, groupId, traineeId) ?? error;
    }
  }

  /**
   * Withdraws an active or waitlisted trainee, in the caller's transaction (which then lets the
   * referral follow). Withdrawing an active one gives the seat to the first on the waitlist in
   * the same transaction; either way the waitlist closes its gap. The answer names whoever moved
   * up, with the phones to call.
   */
  async withdrawEnrollment(
    manager: EntityManager,
    actor: Actor,
    enrollmentId: string,
    reason: string,
  ): Promise<WithdrawalView> {
    const groupId = await lockGroupOfEnrollment(manager, enrollmentId);
    const enrollment = await this.repository.lockEnrollment(manager, enrollmentId);
    if (!enrollment || !ENROLLMENT_TRANSITIONS.withdraw.from.includes(enrollment.status)) {
      throw new ConflictError('enrollment.closed', { status: enrollment?.status ?? 'gone' });
    }
    await this.repository.withdraw(manager, enrollmentId, reason);
    if (enrollment.status === 'waitlisted') {
      await this.repository.closeWaitlistGap(manager, groupId, enrollment.waitlist_position!);
    }
    await this.audit.record(manager, actor, {
      action: 'withdraw',
      entity: 'enrollment',
      entityId: enrollmentId,
      changes: { status: { from: enrollment.status, to: 'withdrawn' }, reason },
    });
    const promotions =
      enrollment.status === 'active' ? await this.fillFreeSeats(manager, groupId, actor) : [];
    const promoted = (await promotionsByIds(manager, promotions)).map(toPromotionView);
    return { id: enrollmentId, status: 'withdrawn', waitlistPosition: null, promoted };
  }

  /** The group's enrollments: active first, then the waitlist in order, then the others. */
  async listGroupEnrollments(
    actor: Actor,
    groupId: string,
    page: { limit: number; offset: number },
  ): Promise<Page<RosterEntryView>> {
    await this.groups.findVisibleGroup(actor, groupId);
    const rows = await rosterPage(this.dataSource, groupId, page);
    const total = rows[0] ? Number(rows[0].total) : await this.repository.countOfGroup(groupId);
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
    const rows = await traineeEnrollments(this.dataSource, traineeId);
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

  /**
   * A cancelled group releases everyone: its active and waitlisted trainees are withdrawn.
   * Returns the ids of the enrollments closed, for the referrals that follow them.
   */
  async releaseGroup(manager: EntityManager, groupId: string, actor: Actor): Promise<string[]> {
    const released = await this.repository.withdrawOpenOfGroup(manager, groupId, 'group_cancelled');
    for (const enrollment of released) {
      await this.audit.record(manager, actor, {
        action: 'withdraw',
        entity: 'enrollment',
        entityId: enrollment.id,
        changes: {
          status: { from: enrollment.status, to: 'withdrawn' },
          reasonCode: 'group_cancelled',
        },
      });
    }
    return released.map((e) => e.id);
  }

  /**
   * Gives free seats to the waitlist, in order. A waitlisted trainee who has meanwhile become
   * active in an overlapping group is passed over and keeps their place. The caller holds the
   * group's row lock (a withdrawal, or a change of the group that raised its capacity). Each
   * promotion is kept until staff acknowledge that the trainee was called; returns their ids.
   */
  async fillFreeSeats(manager: EntityManager, groupId: string, actor: Actor): Promise<string[]> {
    const group = await this.groupsRepository.lockSeats(manager, groupId);
    if (!group || group.free <= 0) return [];
    const waiting = await this.repository.lockWaitlist(manager, groupId);
    let free = group.free;
    const promoted: { id: string; position: number }[] = [];
    for (const candidate of waiting) {
      if (free === 0) break;
      const active = await activeTimetablesOf(manager, candidate.trainee_id, groupId);
      const timetable = {
        startDate: group.start_date,
        endDate: group.end_date,
        schedule: group.schedule,
      };
      if (active.some((other) => timetablesOverlap(other, timetable))) continue;
      await this.repository.promote(manager, candidate.id);
      promoted.push({ id: candidate.id, position: candidate.waitlist_position });
      free -= 1;
    }
    if (promoted.length === 0) return [];
    await this.repository.renumberWaitlist(manager, groupId);
    const promotionIds = await this.repository.recordPromotions(
      manager,
      promoted.map((p) => p.id),
    );
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
    return promotionIds;
  }

  /** Promotions whose trainee nobody has yet confirmed calling, oldest first (staff). */
  async listUnacknowledgedPromotions(page: {
    limit: number;
    offset: number;
  }): Promise<Page<WaitlistPromotionView>> {
    const rows = await unacknowledgedPromotions(this.dataSource, page);
    // Past the last page the window count is missing: count the first page's instead.
    const first =
      rows[0] ??
      (page.offset > 0
        ? (await unacknowledgedPromotions(this.dataSource, { limit: 1, offset: 0 }))[0]
        : undefined);
    return { total: Number(first?.total ?? 0), items: rows.map(toPromotionView) };
  }

  /**
   * Staff confirm that the promoted trainee was told (called): the promotion leaves the list,
   * with who acknowledged it and when, and an audit row. A second acknowledgement is a 409.
   */
  async acknowledgePromotion(actor: Actor, id: string): Promise<WaitlistPromotionView> {
    return this.dataSource.transaction(async (manager) => {
      const result = await this.repository.acknowledgePromotion(manager, id, actor.id);
      if ('acknowledged' in result) {
        if (!result.acknowledged) throw new NotFoundError('Waitlist promotion', id);
        throw new ConflictError('promotion.already_acknowledged');
      }
      await this.audit.record(manager, actor, {
        action: 'acknowledge',
        entity: 'waitlist_promotion',
        entityId: id,
        changes: { enrollmentId: result.enrollment_id },
      });
      const [row] = await promotionsByIds(manager, [id]);
      return toPromotionView(row!);
    });
  }
}
