import { Injectable, OnModuleInit } from '@nestjs/common';
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
import { replicaRows, sqlRows } from '@sheber/database/sql';
import {
  attendanceRate,
  EnrollmentEvents,
  EnrollmentsService,
  MARK_COUNTS_SQL,
  type MarkCounts,
} from '@sheber/enrollments';
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
import type { ReferralOutcome, ReferralStatus } from './entities/referral.entity';
import {
  type CraftNames,
  type ReferralCount,
  type ReferralReport,
  type ReferralReportBatches,
  type ReferralReportRow,
  type ReferralReportSummary,
  summarizeReferrals,
  toReportRow,
} from './referral-report';

/** Rows of the period report read per query: a few hundred kilobytes of the API's memory. */
export const REPORT_BATCH_ROWS = 1000;

/** One referral with what an officer follows: enrollment, attendance, certificate, outcome. */
export interface ReferralRow extends MarkCounts {
  id: string;
  number: string;
  employment_center_id: string;
  center_name: string;
  iin: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  phone: string | null;
  categories: string[];
  craft: string;
  course_id: string | null;
  course_title: string | null;
  note: string | null;
  status: ReferralStatus;
  status_reason: string | null;
  status_changed_at: Date;
  trainee_id: string | null;
  enrollment_id: string | null;
  enrollment_status: string | null;
  waitlist_position: number | null;
  group_id: string | null;
  group_code: string | null;
  group_course_title: string | null;
  start_date: string | null;
  end_date: string | null;
  certificate_id: string | null;
  certificate_number: string | null;
  certificate_status: string | null;
  outcome: ReferralOutcome | null;
  outcome_date: string | null;
  outcome_note: string | null;
  created_at: Date;
  /** The referral's date in the centre's calendar. */
  created_on: string;
}

/**
 * The referral with its centre, courses, enrollment, group, certificate and mark counts; $1 is
 * the centre's time zone in every query that uses this.
 */
function referralSelect(source = 'referrals r'): string {
  return `
  SELECT r.id, r.number, r.employment_center_id, ec.name AS center_name, r.iin, r.last_name,
         r.first_name, r.patronymic, r.phone, r.categories, r.craft, r.course_id,
         rc.title AS course_title, r.note, r.status, r.status_reason, r.status_changed_at,
         r.trainee_id, r.enrollment_id, e.status AS enrollment_status, e.waitlist_position,
         g.id AS group_id, g.code AS group_code, gc.title AS group_course_title,
         to_char(g.start_date, 'YYYY-MM-DD') AS start_date,
         to_char(g.end_date, 'YYYY-MM-DD') AS end_date,
         cert.id AS certificate_id, cert.number AS certificate_number,
         cert.status AS certificate_status, r.outcome,
         to_char(r.outcome_date, 'YYYY-MM-DD') AS outcome_date, r.outcome_note, r.created_at,
         to_char(r.created_at AT TIME ZONE $1, 'YYYY-MM-DD') AS created_on,
         counts.*, held_lessons.held
    FROM ${source}
    JOIN employment_centers ec ON ec.id = r.employment_center_id
    LEFT JOIN courses rc ON rc.id = r.course_id
    LEFT JOIN enrollments e ON e.id = r.enrollment_id
    LEFT JOIN groups g ON g.id = e.group_id
    LEFT JOIN courses gc ON gc.id = g.course_id
    LEFT JOIN LATERAL (
      -- The valid certificate, else the latest revoked one (a reissue leaves both).
      SELECT c.id, c.number, c.status FROM certificates c WHERE c.enrollment_id = e.id
       ORDER BY (c.status <> 'revoked') DESC, c.created_at DESC LIMIT 1
    ) cert ON true
    ${MARK_COUNTS_SQL}`;
}

export const REFERRAL_SELECT = referralSelect();

export function toReferralView(row: ReferralRow, wholeIin: boolean): ReferralView {
  return {
    id: row.id,
    number: row.number,
    employmentCenter: { id: row.employment_center_id, name: row.center_name },
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

interface LockedReferral {
  id: string;
  status: ReferralStatus;
  employment_center_id: string;
  number: string;
  iin: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  phone: string | null;
  categories: string[];
  craft: string;
  trainee_id: string | null;
  enrollment_id: string | null;
  outcome: ReferralOutcome | null;
  outcome_date: string | null;
  outcome_note: string | null;
  created_on: string;
}

/**
 * Referrals from employment centres: intake into a group, the status that follows the
 * enrollment, and the outcome after training. An officer sees only the own centre's referrals;
 * any other is "not found", so an officer cannot even learn that it exists.
 */
@Injectable()
export class ReferralsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly env: Environment,
    private readonly trainees: TraineesService,
    private readonly enrollments: EnrollmentsService,
    private readonly enrollmentEvents: EnrollmentEvents,
  ) {}

  onModuleInit(): void {
    this.enrollmentEvents.onEnrollmentsClosed((manager, ids, actor) =>
      this.followEnrollments(manager, ids, actor),
    );
    this.enrollmentEvents.onEnrollmentsReopened((manager, ids, actor, reason) =>
      this.followReopenedEnrollments(manager, ids, actor, reason),
    );
  }

  async createReferral(actor: Actor, input: CreateReferralDto): Promise<ReferralView> {
    const centerId = actor.employmentCenterId;
    if (actor.role !== 'officer' || !centerId) {
      throw new ForbiddenError('Only an officer of an employment centre files referrals');
    }
    const id = await this.dataSource.transaction(async (manager) => {
      await this.checkCraftAndCourse(manager, input.craft, input.courseId ?? null);
      // Serialise referrals of one person, so the check below and the insert see the same world;
      // the partial unique index uq_referral_person_open is the backstop.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `referral:${input.person.iin}`,
      ]);
      const [open] = await sqlRows<{ number: string; center_name: string; status: string }>(
        manager,
        `SELECT r.number, ec.name AS center_name, r.status
           FROM referrals r JOIN employment_centers ec ON ec.id = r.employment_center_id
          WHERE r.iin = $1 AND r.status IN ('submitted', 'accepted', 'enrolled')`,
        [input.person.iin],
      );
      if (open) {
        throw new ConflictError(
          'referral_open',
          `This person already has an open referral: ${open.number} of ${open.center_name} (${open.status})`,
        );
      }
      const [created] = await sqlRows<{ id: string }>(
        manager,
        `INSERT INTO referrals (employment_center_id, number, iin, last_name, first_name, patronymic,
                                phone, categories, craft, course_id, note, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          centerId,
          input.number,
          input.person.iin,
          input.person.lastName,
          input.person.firstName,
          input.person.patronymic ?? null,
          input.person.phone ?? null,
          input.person.categories ?? [],
          input.craft,
          input.courseId ?? null,
          input.note ?? null,
          actor.id,
        ],
      );
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'referral',
        entityId: created!.id,
        changes: auditSnapshot(input, centerId),
      });
      return created!.id;
    });
    return this.readReferral(actor, id, true);
  }

  async listReferrals(actor: Actor, query: ReferralQueryDto): Promise<Page<ReferralView>> {
    const params: unknown[] = [this.env.CENTRE_TIMEZONE];
    const where: string[] = [];
    const centerId = this.centreScope(actor, query.employmentCenterId);
    if (centerId) where.push(`r.employment_center_id = $${params.push(centerId)}`);
    if (query.status) where.push(`r.status = $${params.push(query.status)}`);
    if (query.craft) where.push(`r.craft = $${params.push(query.craft)}`);
    const search = query.search?.trim();
    if (search && /^\d{12}$/.test(search)) {
      where.push(`r.iin = $${params.push(search)}`);
    } else if (search) {
      const like = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const p = params.push(like);
      where.push(
        `(lower(r.number) LIKE $${p} ESCAPE '\\' OR lower(r.last_name || ' ' || r.first_name || coalesce(' ' || r.patronymic, '')) LIKE $${p} ESCAPE '\\')`,
      );
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const limit = params.push(query.limit);
    const offset = params.push(query.offset);
    // The page's ids first (an index scan in date order), then the joins and mark counts for those
    // rows only: counting every referral's attendance before LIMIT took seconds at national scale.
    const rows = await this.dataSource.query<ReferralRow[]>(
      `WITH page AS MATERIALIZED (
         SELECT r.id FROM referrals r ${filter}
          ORDER BY r.created_at DESC, r.id DESC LIMIT $${limit} OFFSET $${offset})
       ${referralSelect('page JOIN referrals r ON r.id = page.id')}
       ORDER BY r.created_at DESC, r.id DESC`,
      params,
    );
    const total = await this.countReferrals(where, params.slice(0, limit - 1));
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
      const allowed = input.groupId ? ['submitted', 'accepted'] : ['submitted'];
      if (!allowed.includes(referral.status)) {
        throw new ConflictError(
          'referral_status',
          referral.status === 'accepted'
            ? `Referral ${referral.number} is already accepted; choose a group to enroll`
            : `Referral ${referral.number} is ${referral.status}; only a submitted or accepted referral can be accepted`,
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
      const status: ReferralStatus = enrollment ? 'enrolled' : 'accepted';
      await sqlRows(
        manager,
        `UPDATE referrals SET status = $2, trainee_id = $3, enrollment_id = $4, status_reason = NULL,
                status_changed_at = now(), updated_at = now()
          WHERE id = $1`,
        [id, status, trainee.id, enrollment?.id ?? null],
      );
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
      if (referral.status !== 'completed' && referral.status !== 'dropped') {
        throw new ConflictError(
          'referral_status',
          `Referral ${referral.number} is ${referral.status}; an outcome is recorded after the training is completed or dropped`,
        );
      }
      if (input.date > todayIn(this.env.CENTRE_TIMEZONE))
        throw new InvalidInputError('date', 'is in the future');
      if (input.date < referral.created_on)
        throw new InvalidInputError('date', `is before the referral (${referral.created_on})`);
      const note = input.note ?? null;
      await sqlRows(
        manager,
        `UPDATE referrals SET outcome = $2, outcome_date = $3, outcome_note = $4, updated_at = now()
          WHERE id = $1`,
        [id, input.outcome, input.date, note],
      );
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
   * enrollment: completed → completed; withdrawn or failed → dropped.
   */
  async followEnrollments(manager: EntityManager, ids: string[], actor: Actor): Promise<void> {
    const changed = await sqlRows<{ id: string; status: ReferralStatus; reason: string | null }>(
      manager,
      `UPDATE referrals r
          SET status = CASE e.status WHEN 'completed' THEN 'completed' ELSE 'dropped' END,
              status_reason = CASE e.status WHEN 'completed' THEN NULL
                                 ELSE concat('enrollment ', e.status, coalesce(': ' || e.status_reason, '')) END,
              status_changed_at = now(), updated_at = now()
         FROM enrollments e
        WHERE e.id = r.enrollment_id AND r.enrollment_id = ANY($1::uuid[]) AND r.status = 'enrolled'
          AND e.status IN ('completed', 'withdrawn', 'failed')
        RETURNING r.id, r.status, r.status_reason AS reason`,
      [ids],
    );
    for (const referral of changed) {
      await this.audit.record(manager, actor, {
        action: referral.status === 'completed' ? 'complete' : 'drop',
        entity: 'referral',
        entityId: referral.id,
        changes: {
          status: { from: 'enrolled', to: referral.status },
          ...(referral.reason && { reason: referral.reason }),
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
    const changed = await sqlRows<{ id: string; status: ReferralStatus }>(
      manager,
      `UPDATE referrals r SET status = 'enrolled', status_reason = NULL, status_changed_at = now(),
              updated_at = now()
         FROM referrals old, enrollments e
        WHERE old.id = r.id AND e.id = r.enrollment_id AND r.enrollment_id = ANY($1::uuid[])
          AND r.status IN ('completed', 'dropped') AND e.status = 'active'
        RETURNING r.id, old.status`,
      [ids],
    );
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
   * The period report: every referral the actor may see whose date (in the centre's calendar)
   * lies in [from, to], with counts by status, craft and outcome and the two rates.
   */
  /**
   * The report of a period: its totals (one count query) and its rows, read a batch at a time
   * as the caller asks for them, ordered by (created_at, id) and paged on that key. Both read
   * from a replica when one is configured. The totals and the rows are separate statements, so a
   * referral changed while a file is written may show its new status in one and not the other
   * (docs/decisions/0002-streamed-referral-report.md).
   */
  async openReferralReport(
    actor: Actor,
    query: Pick<ReferralReportQueryDto, 'from' | 'to' | 'employmentCenterId'>,
    batchRows = REPORT_BATCH_ROWS,
  ): Promise<{ summary: ReferralReportSummary; batches: ReferralReportBatches }> {
    if (query.to < query.from) throw new InvalidInputError('to', 'is before from');
    const params: unknown[] = [this.env.CENTRE_TIMEZONE, query.from, query.to];
    const centerId = this.centreScope(actor, query.employmentCenterId);
    const byCentre = centerId ? `AND r.employment_center_id = $${params.push(centerId)}` : '';
    // The period as a range of instants, so the index on (created_at, id) serves it.
    const inPeriod = `r.created_at >= $2::date::timestamp AT TIME ZONE $1
      AND r.created_at < ($3::date + 1)::timestamp AT TIME ZONE $1 ${byCentre}`;
    const counts = await replicaRows<ReferralCount>(
      this.dataSource,
      `SELECT r.status, r.craft, r.outcome, count(*)::int AS count
         FROM referrals r WHERE ${inPeriod}
        GROUP BY r.status, r.craft, r.outcome ORDER BY r.craft, r.status, r.outcome`,
      params,
    );
    const summary: ReferralReportSummary = {
      period: { from: query.from, to: query.to },
      employmentCenterId: centerId,
      totals: summarizeReferrals(counts),
    };
    return { summary, batches: this.referralReportBatches(inPeriod, params, batchRows) };
  }

  /** The period report with all its rows in memory: the JSON answer. */
  async referralReport(
    actor: Actor,
    query: Pick<ReferralReportQueryDto, 'from' | 'to' | 'employmentCenterId'>,
  ): Promise<ReferralReport> {
    const { summary, batches } = await this.openReferralReport(actor, query);
    const rows: ReferralReportRow[] = [];
    for await (const batch of batches) rows.push(...batch);
    return { ...summary, rows };
  }

  private async *referralReportBatches(
    inPeriod: string,
    params: readonly unknown[],
    batchRows: number,
  ): AsyncGenerator<ReferralReportRow[]> {
    const limit = `$${params.length + 1}`;
    const after = `$${params.length + 2}::uuid`;
    let last: string | null = null;
    for (;;) {
      // The key of the last row is read again by its id: a JavaScript Date would cut created_at's
      // microseconds and repeat or skip rows.
      const keyset: string = last
        ? `AND (r.created_at, r.id) > ((SELECT created_at FROM referrals WHERE id = ${after}), ${after})`
        : '';
      const rows: ReferralRow[] = await replicaRows<ReferralRow>(
        this.dataSource,
        `${referralSelect(
          `(SELECT * FROM referrals r WHERE ${inPeriod} ${keyset}
             ORDER BY r.created_at, r.id LIMIT ${limit}) r`,
        )}
          ORDER BY r.created_at, r.id`,
        last ? [...params, batchRows, last] : [...params, batchRows],
      );
      if (rows.length > 0) yield rows.map(toReportRow);
      if (rows.length < batchRows) return;
      last = rows[rows.length - 1]!.id;
    }
  }

  /** Craft names in the three languages, for the report's files. */
  async craftNames(): Promise<CraftNames> {
    const rows = await replicaRows<{
      code: string;
      name_kk: string;
      name_ru: string;
      name_en: string;
    }>(this.dataSource, 'SELECT code, name_kk, name_ru, name_en FROM crafts');
    return Object.fromEntries(
      rows.map((r) => [r.code, { kk: r.name_kk, ru: r.name_ru, en: r.name_en }]),
    );
  }

  /** The actor's own centre for an officer; for staff, the centre asked for (or all). */
  centreScope(actor: Actor, requested?: string): string | null {
    if (actor.role === 'officer') {
      if (!actor.employmentCenterId) throw new ForbiddenError('The officer has no centre');
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
      if (referral.status !== 'submitted' && referral.status !== 'accepted') {
        throw new ConflictError(
          'referral_status',
          `Referral ${referral.number} is ${referral.status}; only a submitted or accepted referral can be ${status}`,
        );
      }
      await sqlRows(
        manager,
        `UPDATE referrals SET status = $2, status_reason = $3, status_changed_at = now(), updated_at = now()
          WHERE id = $1`,
        [id, status, reason],
      );
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
    const params: unknown[] = [this.env.CENTRE_TIMEZONE, id];
    const centerId = this.centreScope(actor);
    const byCentre = centerId ? `AND r.employment_center_id = $${params.push(centerId)}` : '';
    const [row] = await this.dataSource.query<ReferralRow[]>(
      `${REFERRAL_SELECT} WHERE r.id = $2 ${byCentre}`,
      params,
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
    const params: unknown[] = [id, this.env.CENTRE_TIMEZONE];
    const centerId = this.centreScope(actor);
    const byCentre = centerId ? `AND employment_center_id = $${params.push(centerId)}` : '';
    const [row] = await sqlRows<LockedReferral>(
      manager,
      `SELECT id, status, employment_center_id, number, iin, last_name, first_name, patronymic,
              phone, categories, craft, trainee_id, enrollment_id, outcome,
              to_char(outcome_date, 'YYYY-MM-DD') AS outcome_date, outcome_note,
              to_char(created_at AT TIME ZONE $2, 'YYYY-MM-DD') AS created_on
         FROM referrals WHERE id = $1 ${byCentre} FOR UPDATE`,
      params,
    );
    if (!row) throw new NotFoundError('Referral', id);
    return row;
  }

  private async checkCraftAndCourse(
    manager: EntityManager,
    craft: string,
    courseId: string | null,
  ): Promise<void> {
    const [known] = await sqlRows<{ code: string }>(
      manager,
      'SELECT code FROM crafts WHERE code = $1',
      [craft],
    );
    if (!known) throw new InvalidInputError('craft', `is not a craft (see GET /api/crafts)`);
    if (!courseId) return;
    const [course] = await sqlRows<{ craft: string; title: string }>(
      manager,
      'SELECT craft, title FROM courses WHERE id = $1',
      [courseId],
    );
    if (!course) throw new InvalidInputError('courseId', 'is not a course of the catalogue');
    if (course.craft !== craft)
      throw new InvalidInputError('courseId', `is a ${course.craft} course, not ${craft}`);
  }

  private async checkGroupCraft(
    manager: EntityManager,
    groupId: string,
    craft: string,
  ): Promise<void> {
    const [group] = await sqlRows<{ code: string; craft: string }>(
      manager,
      'SELECT g.code, c.craft FROM groups g JOIN courses c ON c.id = g.course_id WHERE g.id = $1',
      [groupId],
    );
    if (!group) throw new NotFoundError('Group', groupId);
    if (group.craft !== craft) {
      throw new RuleViolationError(
        'craft_mismatch',
        `Group ${group.code} teaches ${group.craft}; the referral is for ${craft}`,
      );
    }
  }

  private async countReferrals(where: string[], params: unknown[]): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM referrals r
        WHERE $1::text IS NOT NULL ${where.map((w) => `AND ${w}`).join(' ')}`,
      params,
    );
    return row?.n ?? 0;
  }
}
