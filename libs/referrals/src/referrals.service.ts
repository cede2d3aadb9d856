import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@sheber/audit';
import {
  Actor,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  Page,
  RuleViolationError,
  todayIn,
} from '@sheber/common';
import { Environment } from '@sheber/config';
import { attendanceRate, EnrollmentsService } from '@sheber/enrollments';
import { maskIin, TraineesService } from '@sheber/trainees';
import {
  AcceptReferralDto,
  CancelReferralDto,
  CreateReferralDto,
  RecordOutcomeDto,
  ReferralQueryDto,
  ReferralReportQueryDto,
  ReferralView,
  RejectReferralDto,
} from './dto/referral.dto';
import {
  FINISHED_REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  type ReferralStatus,
} from './referral-status';
import { FollowedEnrollmentsQueries } from './followed-enrollments.queries';
import {
  type CraftNames,
  type ReferralReportBatches,
  type ReferralReportSummary,
  summarizeReferrals,
  centerNames,
  toReportRow,
} from './referral-report';
import { ReferralIntakeQueries } from './referral-intake.queries';
import {
  type ReferralPeriod,
  type ReferralRow,
  ReferralViewQueries,
} from './referral-view.queries';
import { type LockedReferral, ReferralsRepository } from './referrals.repository';

/** Rows of the period report read per query: a few hundred kilobytes of the API's memory. */
export const REPORT_BATCH_ROWS = 1000;

export function toReferralView(row: ReferralRow, wholeIin: boolean): ReferralView {
  return {
    id: row.id,
    number: row.number,
    employmentCenter: { id: row.employment_center_id, name: centerNames(row) },
    person: {
      iin: wholeIin ? row.iin : maskIin(row.iin),
      lastName: row.last_name,
      firstName: row.first_name,
      patronymic: row.patronymic,
      phone: row.phone,
      categories: row.categories,
    },
    craft: row.craft,
    course: row.course_id ? { id: row.course_id, title: row.course_title! } : null,
    note: row.note,
    status: row.status,
    statusReason: row.status_reason,
    statusReasonCode: row.status_reason_code,
    statusChangedAt: row.status_changed_at,
    traineeId: row.trainee_id,
    enrollment: row.enrollment_id
      ? {
          id: row.enrollment_id,
          status: row.enrollment_status!,
          waitlistPosition: row.waitlist_position,
          attendanceRate: attendanceRate(row),
          group: {
            id: row.group_id!,
            code: row.group_code!,
            startDate: row.start_date!,
            endDate: row.end_date!,
          },
        }
      : null,
    certificate: row.certificate_id
      ? { id: row.certificate_id, number: row.certificate_number!, status: row.certificate_status! }
      : null,
    outcome: row.outcome
      ? { outcome: row.outcome, date: row.outcome_date!, note: row.outcome_note }
      : null,
    createdAt: row.created_at,
  };
}

/** What the audit log keeps of a referral: never the IIN or the phone. */
function auditSnapshot(input: CreateReferralDto, centerId: string): Record<string, unknown> {
  return {
    number: input.number,
    employmentCenterId: centerId,
    lastName: input.person.lastName,
    firstName: input.person.firstName,
    patronymic: input.person.patronymic ?? null,
    categories: input.person.categories ?? [],
    craft: input.craft,
    courseId: input.courseId ?? null,
  };
}

/**
 * Referrals from employment centres: intake into a group, the status that follows the
 * enrollment, and the outcome after training. An officer sees only the own centre's referrals;
 * any other is "not found", so an officer cannot even learn that it exists.
 */
@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly env: Environment,
    private readonly trainees: TraineesService,
    private readonly enrollments: EnrollmentsService,
    private readonly referrals: ReferralsRepository,
    private readonly views: ReferralViewQueries,
    private readonly intake: ReferralIntakeQueries,
    private readonly followed: FollowedEnrollmentsQueries,
  ) {}

  async createReferral(actor: Actor, input: CreateReferralDto): Promise<ReferralView> {
    const centerId = actor.employmentCenterId;
    if (actor.role !== 'officer' || !centerId) {
      throw new ForbiddenError('referral.officer_only');
    }
    const id = await this.dataSource.transaction(async (manager) => {
      await this.checkCraftAndCourse(manager, input.craft, input.courseId ?? null);
      // Serialise referrals of one person, so the check below and the insert see the same world.
      await this.referrals.lockPerson(manager, input.person.iin);
      const open = await this.intake.openReferralOf(manager, input.person.iin);
      if (open) {
        throw new ConflictError('referral.person_open', {
          number: open.number,
          center: centerNames(open),
        });
      }
      const created = await this.referrals.insertReferral(manager, {
        employmentCenterId: centerId,
        number: input.number,
        iin: input.person.iin,
        lastName: input.person.lastName,
        firstName: input.person.firstName,
        patronymic: input.person.patronymic ?? null,
        phone: input.person.phone ?? null,
        categories: input.person.categories ?? [],
        craft: input.craft,
        courseId: input.courseId ?? null,
        note: input.note ?? null,
        createdBy: actor.id,
      });
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'referral',
        entityId: created,
        changes: auditSnapshot(input, centerId),
      });
      return created;
    });
    return this.readReferral(actor, id, true);
  }

  async listReferrals(actor: Actor, query: ReferralQueryDto): Promise<Page<ReferralView>> {
    const { rows, total } = await this.views.listReferrals(this.env.CENTRE_TIMEZONE, {
      centerId: this.centreScope(actor, query.employmentCenterId),
      status: query.status,
      craft: query.craft,
      traineeId: query.traineeId,
      search: query.search,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: rows.map((row) => toReferralView(row, false)), total };
  }

  /** The whole referral, IIN included; every such view is written to the audit log. */
  async viewReferral(actor: Actor, id: string): Promise<ReferralView> {
    const view = await this.readReferral(actor, id, true);
    await this.audit.record(this.dataSource.manager, actor, {
      action: 'view',
      entity: 'referral',
      entityId: id,
    });
    return view;
  }

  /**
   * Intake: finds the trainee by the IIN or registers one from the referral, and, given a group
   * of the referred craft, enrolls into it (a waitlisted place counts as enrolled). Without a
   * group the referral is accepted and waits for one. The referral row is locked first, so two
   * staff accepting the same referral at once give one enrollment and one 409.
   */
  async acceptReferral(actor: Actor, id: string, input: AcceptReferralDto): Promise<ReferralView> {
    await this.dataSource.transaction(async (manager) => {
      const referral = await this.lockReferral(manager, actor, id);
      const allowed = REFERRAL_TRANSITIONS[input.groupId ? 'enroll' : 'accept'].from;
      if (!allowed.includes(referral.status)) {
        throw new ConflictError(
          referral.status === 'accepted' ? 'referral.already_accepted' : 'referral.closed',
          { number: referral.number },
        );
      }
      if (input.groupId) await this.checkGroupCraft(manager, input.groupId, referral.craft);
      const trainee = await this.trainees.findOrRegisterReferredWithin(manager, actor, {
        iin: referral.iin,
        lastName: referral.last_name,
        firstName: referral.first_name,
        patronymic: referral.patronymic,
        phone: referral.phone,
        categories: referral.categories,
      });
      let enrollment: { id: string; status: string; waitlistPosition: number | null } | null = null;
      if (input.groupId) {
        enrollment = await this.enrollments.enrollTraineeWithin(
          manager,
          actor,
          input.groupId,
          trainee.id,
        );
      }
      const status: ReferralStatus = REFERRAL_TRANSITIONS[enrollment ? 'enroll' : 'accept'].to;
      await this.referrals.recordIntake(manager, id, status, trainee.id, enrollment?.id ?? null);
      await this.audit.record(manager, actor, {
        action: 'accept',
        entity: 'referral',
        entityId: id,
        changes: {
          status: { from: referral.status, to: status },
          traineeId: trainee.id,
          traineeRegistered: trainee.registered,
          ...(enrollment && {
            groupId: input.groupId,
            enrollmentId: enrollment.id,
            enrollmentStatus: enrollment.status,
          }),
        },
      });
    });
    return this.readReferral(actor, id, true);
  }

  async rejectReferral(actor: Actor, id: string, input: RejectReferralDto): Promise<ReferralView> {
    return this.closeBeforeEnrollment(actor, id, 'rejected', input.reason);
  }

  /** The officer withdraws the referral, while the person is not enrolled yet. */
  async cancelReferral(actor: Actor, id: string, input: CancelReferralDto): Promise<ReferralView> {
    return this.closeBeforeEnrollment(actor, id, 'cancelled', input.reason ?? null);
  }

  /** What became of the person after training (or after dropping out); may be corrected. */
  async recordOutcome(actor: Actor, id: string, input: RecordOutcomeDto): Promise<ReferralView> {
    await this.dataSource.transaction(async (manager) => {
      const referral = await this.lockReferral(manager, actor, id);
      if (!FINISHED_REFERRAL_STATUSES.includes(referral.status)) {
        throw new ConflictError('referral.outcome_too_early', { number: referral.number });
      }
      if (input.date > todayIn(this.env.CENTRE_TIMEZONE))
        throw new InvalidInputError('date', 'field.in_future');
      if (input.date < referral.created_on)
        throw new InvalidInputError('date', 'referral.outcome_before_referral', {
          date: referral.created_on,
        });
      const note = input.note ?? null;
      await this.referrals.recordOutcome(manager, id, input.outcome, input.date, note);
      await this.audit.record(manager, actor, {
        action: 'outcome',
        entity: 'referral',
        entityId: id,
        changes: {
          outcome: { from: referral.outcome, to: input.outcome },
          date: { from: referral.outcome_date, to: input.date },
          note: { from: referral.outcome_note, to: note },
        },
      });
    });
    return this.readReferral(actor, id, true);
  }

  /**
   * The referral's status follows its enrollment, inside the transaction that closed the
   * enrollment (every use case of libs/training that closes enrollments calls this): completed →
   * completed; withdrawn or failed → dropped.
   */
  async followEnrollments(manager: EntityManager, ids: string[], actor: Actor): Promise<void> {
    if (ids.length === 0) return;
    const closed = await this.followed.closedEnrollments(manager, ids);
    const changed = await this.referrals.followClosedEnrollments(manager, closed);
    for (const referral of changed) {
      await this.audit.record(manager, actor, {
        action: referral.status === 'completed' ? 'complete' : 'drop',
        entity: 'referral',
        entityId: referral.id,
        changes: {
          status: { from: 'enrolled', to: referral.status },
          ...(referral.reason && { reason: referral.reason }),
          ...(referral.reason_code && { reasonCode: referral.reason_code }),
        },
      });
    }
  }

  /** A reopened group's trainees are enrolled again: their referrals go back to `enrolled`. */
  async followReopenedEnrollments(
    manager: EntityManager,
    ids: string[],
    actor: Actor,
    reason: string,
  ): Promise<void> {
    if (ids.length === 0) return;
    const active = await this.followed.activeEnrollments(manager, ids);
    const changed = await this.referrals.followReopenedEnrollments(manager, active);
    for (const referral of changed) {
      await this.audit.record(manager, actor, {
        action: 'reopen',
        entity: 'referral',
        entityId: referral.id,
        changes: { status: { from: referral.status, to: 'enrolled' }, reason },
      });
    }
  }

  /**
   * The report of a period: every referral the actor may see whose date (in the centre's
   * calendar) lies in [from, to]. Its totals (one count query) and its rows, read a batch at a
   * time as the caller asks for them, ordered by (created_at, id) and paged on that key. Both read
   * from a replica when one is configured. The totals and the rows are separate statements, so a
   * referral changed while a file is written may show its new status in one and not the other
   * (docs/decisions/0002-streamed-referral-report.md).
   */
  async openReferralReport(
    actor: Actor,
    query: Pick<ReferralReportQueryDto, 'from' | 'to' | 'employmentCenterId'>,
    batchRows = REPORT_BATCH_ROWS,
  ): Promise<{ summary: ReferralReportSummary; batches: ReferralReportBatches }> {
    if (query.to < query.from) throw new InvalidInputError('to', 'field.period_reversed');
    const period: ReferralPeriod = {
      from: query.from,
      to: query.to,
      centerId: this.centreScope(actor, query.employmentCenterId),
    };
    const timeZone = this.env.CENTRE_TIMEZONE;
    const counts = await this.views.periodCounts(timeZone, period);
    const summary: ReferralReportSummary = {
      period: { from: query.from, to: query.to },
      employmentCenterId: period.centerId,
      totals: summarizeReferrals(counts),
    };
    return { summary, batches: this.reportRows(timeZone, period, batchRows) };
  }

  private async *reportRows(
    timeZone: string,
    period: ReferralPeriod,
    batchRows: number,
  ): ReferralReportBatches {
    for await (const rows of this.views.periodBatches(timeZone, period, batchRows))
      yield rows.map(toReportRow);
  }

  /** Craft names in the three languages, for the report's files. */
  craftNames(): Promise<CraftNames> {
    return this.views.craftNames();
  }

  /** The actor's own centre for an officer; for staff, the centre asked for (or all). */
  centreScope(actor: Actor, requested?: string): string | null {
    if (actor.role === 'officer') {
      if (!actor.employmentCenterId) throw new ForbiddenError('referral.officer_without_center');
      return actor.employmentCenterId;
    }
    return requested ?? null;
  }

  private async closeBeforeEnrollment(
    actor: Actor,
    id: string,
    status: 'rejected' | 'cancelled',
    reason: string | null,
  ): Promise<ReferralView> {
    await this.dataSource.transaction(async (manager) => {
      const referral = await this.lockReferral(manager, actor, id);
      if (
        !REFERRAL_TRANSITIONS[status === 'rejected' ? 'reject' : 'cancel'].from.includes(
          referral.status,
        )
      ) {
        throw new ConflictError('referral.closed', { number: referral.number });
      }
      await this.referrals.closeReferral(manager, id, status, reason);
      await this.audit.record(manager, actor, {
        action: status === 'rejected' ? 'reject' : 'cancel',
        entity: 'referral',
        entityId: id,
        changes: { status: { from: referral.status, to: status }, reason },
      });
    });
    return this.readReferral(actor, id, true);
  }

  private async readReferral(actor: Actor, id: string, wholeIin: boolean): Promise<ReferralView> {
    const row = await this.views.findReferral(
      this.env.CENTRE_TIMEZONE,
      id,
      this.centreScope(actor),
    );
    if (!row) throw new NotFoundError('Referral', id);
    return toReferralView(row, wholeIin);
  }

  /** Locks the referral; another centre's referral is "not found" for an officer. */
  private async lockReferral(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<LockedReferral> {
    const row = await this.referrals.lockReferral(
      manager,
      id,
      this.env.CENTRE_TIMEZONE,
      this.centreScope(actor),
    );
    if (!row) throw new NotFoundError('Referral', id);
    return row;
  }

  private async checkCraftAndCourse(
    manager: EntityManager,
    craft: string,
    courseId: string | null,
  ): Promise<void> {
    if (!(await this.intake.craftExists(manager, craft)))
      throw new InvalidInputError('craft', 'craft.not_found');
    if (!courseId) return;
    const course = await this.intake.courseOf(manager, courseId);
    if (!course) throw new InvalidInputError('courseId', 'course.not_found');
    if (course.craft !== craft)
      throw new InvalidInputError('courseId', 'referral.course_other_craft', {
        craft: course.craft,
      });
  }

  private async checkGroupCraft(
    manager: EntityManager,
    groupId: string,
    craft: string,
  ): Promise<void> {
    const group = await this.intake.groupCraft(manager, groupId);
    if (!group) throw new NotFoundError('Group', groupId);
    if (group.craft !== craft) {
      throw new RuleViolationError('referral.group_other_craft', { group: group.code });
    }
  }
}
