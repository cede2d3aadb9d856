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
  RuleViolationError,
  todayIn,
} from '@sheber/common';
import { CertificateRecords } from '@sheber/certificates';
import { Environment } from '@sheber/config';
import { sqlRows } from '@sheber/database/sql';
import {
  attendanceRate,
  EnrollmentEvents,
  lockGroupOfEnrollment,
  MARK_COUNTS_SQL,
  type MarkCounts,
} from '@sheber/enrollments';
import {
  Group,
  type GroupListener,
  GroupsService,
  type GroupTransitionOptions,
} from '@sheber/groups';
import {
  CompleteEnrollmentDto,
  CompletionPreviewView,
  GroupReopenedView,
  TrainingProgressView,
} from './dto/lesson.dto';

/** An admin may reopen a completed group for this long after its completion. */
export const REOPEN_WINDOW_HOURS = 24;

interface CandidateRow extends MarkCounts {
  id: string;
  status: string;
  min_attendance_percent: number;
  last_name: string;
  first_name: string;
  patronymic: string | null;
}

/**
 * Why a group's training is not over, or null when it is: a planned lesson still to come (with
 * no lessons at all, the group's end date still to come), or a lesson that took place unmarked.
 */
export function trainingNotOver(
  progress: TrainingProgressView,
  endDate: string,
  today: string,
): 'group.completion_too_early' | 'group.lessons_unmarked' | null {
  const tooEarly = progress.planned > 0 ? progress.held < progress.planned : today < endDate;
  if (tooEarly) return 'group.completion_too_early';
  if (progress.unmarked > 0) return 'group.lessons_unmarked';
  return null;
}

function percent(rate: number | null): string {
  return rate === null ? 'no marked lessons' : `${Math.round(rate * 1000) / 10}%`;
}

@Injectable()
export class CompletionService implements OnModuleInit, GroupListener {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly groups: GroupsService,
    private readonly events: EnrollmentEvents,
    private readonly certificates: CertificateRecords,
    private readonly env: Environment,
  ) {}

  onModuleInit(): void {
    this.groups.addListener(this);
  }

  /**
   * Completes one active enrollment when its attendance reaches the course's threshold; otherwise
   * 422 with the rate and the threshold. Admin may override with a reason.
   */
  async completeEnrollment(
    actor: Actor,
    enrollmentId: string,
    input: CompleteEnrollmentDto,
  ): Promise<{ id: string; status: 'completed'; attendanceRate: number | null }> {
    if (input.override && actor.role !== 'admin')
      throw new ForbiddenError('Only an admin may override the attendance threshold');
    if (input.override && !input.reason)
      throw new InvalidInputError('reason', 'is required with override');
    return this.dataSource.transaction(async (manager) => {
      const groupId = await lockGroupOfEnrollment(manager, enrollmentId);
      const [row] = await this.candidates(manager, groupId, enrollmentId);
      if (!row || row.status !== 'active') {
        throw new ConflictError(
          'enrollment_not_active',
          `The enrollment is ${row?.status ?? 'gone'}; only an active one can be completed`,
        );
      }
      if (!input.override) await this.assertTrainingOver(manager, groupId);
      const rate = attendanceRate(row);
      const eligible = rate !== null && rate * 100 >= row.min_attendance_percent;
      if (!eligible && !input.override) {
        throw new RuleViolationError(
          'attendance_below_threshold',
          `Attendance is ${percent(rate)}; the course needs ${row.min_attendance_percent}%`,
          { attendanceRate: rate, thresholdPercent: row.min_attendance_percent },
        );
      }
      await this.finish(
        manager,
        groupId,
        [enrollmentId],
        'completed',
        input.override ? input.reason! : null,
      );
      await this.audit.record(manager, actor, {
        action: 'complete',
        entity: 'enrollment',
        entityId: enrollmentId,
        changes: {
          status: { from: 'active', to: 'completed' },
          attendanceRate: rate,
          thresholdPercent: row.min_attendance_percent,
          ...(input.override && { override: true, reason: input.reason }),
        },
      });
      // Its certificate, pending, and the outbox row that gets it rendered after the commit.
      await this.certificates.writePendingCertificates(manager, [enrollmentId], actor);
      await this.events.enrollmentsClosed(manager, [enrollmentId], actor);
      return { id: enrollmentId, status: 'completed' as const, attendanceRate: rate };
    });
  }

  /**
   * Completing a group (in its own transaction): every eligible active enrollment completes, the
   * other active ones fail, and whoever still waits is withdrawn.
   */
  async groupCompleting(
    manager: EntityManager,
    group: Group,
    actor: Actor,
    options: GroupTransitionOptions,
  ): Promise<void> {
    if (!options.override) await this.assertTrainingOver(manager, group.id);
    const rows = await this.candidates(manager, group.id);
    const active = rows.filter((r) => r.status === 'active');
    const completed = active.filter((r) => {
      const rate = attendanceRate(r);
      return rate !== null && rate * 100 >= r.min_attendance_percent;
    });
    const failed = active.filter((r) => !completed.includes(r));
    await this.finish(
      manager,
      group.id,
      completed.map((r) => r.id),
      'completed',
      null,
    );
    await this.finish(
      manager,
      group.id,
      failed.map((r) => r.id),
      'failed',
      'attendance below the course threshold',
    );
    const withdrawn = await sqlRows<{ id: string }>(
      manager,
      `UPDATE enrollments SET status = 'withdrawn', waitlist_position = NULL, status_reason = 'group completed',
              status_changed_at = now(), updated_at = now()
        WHERE group_id = $1 AND status = 'waitlisted' RETURNING id`,
      [group.id],
    );
    for (const row of active) {
      const rate = attendanceRate(row);
      const outcome = completed.includes(row) ? 'completed' : 'failed';
      await this.audit.record(manager, actor, {
        action: outcome === 'completed' ? 'complete' : 'fail',
        entity: 'enrollment',
        entityId: row.id,
        changes: {
          status: { from: 'active', to: outcome },
          attendanceRate: rate,
          thresholdPercent: row.min_attendance_percent,
        },
      });
    }
    for (const { id } of withdrawn) {
      await this.audit.record(manager, actor, {
        action: 'withdraw',
        entity: 'enrollment',
        entityId: id,
        changes: { status: { from: 'waitlisted', to: 'withdrawn' }, reason: 'group completed' },
      });
    }
    await this.certificates.writePendingCertificates(
      manager,
      completed.map((r) => r.id),
      actor,
    );
    await this.events.enrollmentsClosed(
      manager,
      [...active.map((r) => r.id), ...withdrawn.map((w) => w.id)],
      actor,
    );
  }

  private async candidates(
    manager: EntityManager,
    groupId: string,
    enrollmentId?: string,
    lock = true,
  ): Promise<CandidateRow[]> {
    return sqlRows<CandidateRow>(
      manager,
      `SELECT e.id, e.status, c.min_attendance_percent, t.last_name, t.first_name, t.patronymic,
              counts.*, held_lessons.held
         FROM enrollments e
         JOIN trainees t ON t.id = e.trainee_id
         JOIN groups g ON g.id = e.group_id
         JOIN courses c ON c.id = g.course_id
         ${MARK_COUNTS_SQL}
        WHERE e.group_id = $1 AND ($2::uuid IS NULL OR e.id = $2)
        ORDER BY t.last_name, t.first_name, e.id
        ${lock ? 'FOR UPDATE OF e' : ''}`,
      [groupId, enrollmentId ?? null],
    );
  }

  /** The group's lessons: planned, taken place (started), taken place without any mark. */
  async trainingProgress(
    manager: EntityManager,
    groupId: string,
  ): Promise<TrainingProgressView & { endDate: string }> {
    const [row] = await sqlRows<{
      planned: number;
      held: number;
      unmarked: number;
      last_lesson_date: string | null;
      end_date: string;
    }>(
      manager,
      `SELECT count(l.id)::int AS planned,
              count(l.id) FILTER (WHERE l.starts_at <= now())::int AS held,
              count(l.id) FILTER (WHERE l.starts_at <= now() AND NOT EXISTS (
                SELECT 1 FROM attendance_marks m WHERE m.lesson_id = l.id))::int AS unmarked,
              to_char(max(l.date), 'YYYY-MM-DD') AS last_lesson_date,
              to_char(g.end_date, 'YYYY-MM-DD') AS end_date
         FROM groups g LEFT JOIN lessons l ON l.group_id = g.id
        WHERE g.id = $1
        GROUP BY g.id`,
      [groupId],
    );
    if (!row) throw new NotFoundError('Group', groupId);
    return {
      planned: row.planned,
      held: row.held,
      unmarked: row.unmarked,
      lastLessonDate: row.last_lesson_date,
      endDate: row.end_date,
    };
  }

  /**
   * 422 while the training is not over: `group.completion_too_early` before the last planned
   * lesson has taken place, `group.lessons_unmarked` while a lesson that took place has no marks.
   */
  private async assertTrainingOver(manager: EntityManager, groupId: string): Promise<void> {
    const { endDate, ...progress } = await this.trainingProgress(manager, groupId);
    const problem = trainingNotOver(progress, endDate, todayIn(this.env.CENTRE_TIMEZONE));
    if (problem === 'group.completion_too_early') {
      throw new RuleViolationError(
        problem,
        `The training is not over: ${progress.held} of ${progress.planned} lessons have taken place; the last is on ${progress.lastLessonDate ?? endDate}`,
        { ...progress },
      );
    }
    if (problem === 'group.lessons_unmarked') {
      throw new RuleViolationError(
        problem,
        `${progress.unmarked} lesson(s) that have taken place have no attendance marks`,
        { ...progress },
      );
    }
  }

  /**
   * What completing the group would do, read before anything irreversible happens: its lessons
   * (planned, held, unmarked), whether the rules let it complete now, and who would fail.
   */
  async previewGroupCompletion(actor: Actor, groupId: string): Promise<CompletionPreviewView> {
    await this.groups.findVisibleGroup(actor, groupId);
    // One transaction, so the lessons and the rates are read from one snapshot.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const { endDate, ...progress } = await this.trainingProgress(manager, groupId);
      const rows = await this.candidates(manager, groupId, undefined, false);
      const active = rows.filter((r) => r.status === 'active');
      const below = active.filter((r) => {
        const rate = attendanceRate(r);
        return rate === null || rate * 100 < r.min_attendance_percent;
      });
      return {
        ...progress,
        endDate,
        refusal: trainingNotOver(progress, endDate, todayIn(this.env.CENTRE_TIMEZONE)),
        thresholdPercent: rows[0]?.min_attendance_percent ?? null,
        active: active.length,
        eligible: active.length - below.length,
        belowThreshold: below.map((r) => ({
          enrollmentId: r.id,
          trainee: { lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic },
          attendanceRate: attendanceRate(r),
        })),
      };
    });
  }

  /**
   * Undoes a group's completion within 24 hours (admin, with a reason): the group runs again,
   * its completed and failed trainees are active again, and whatever followed the completion
   * (certificates are revoked with the reason, referrals are enrolled again) is undone in the same
   * transaction. The waitlist withdrawn at completion stays withdrawn.
   */
  async reopenGroup(actor: Actor, groupId: string, reason: string): Promise<GroupReopenedView> {
    return this.dataSource.transaction(async (manager) => {
      // Trainees first, then the group: the lock order of enrollment.
      await sqlRows(
        manager,
        `SELECT t.id FROM trainees t
          WHERE t.id IN (SELECT trainee_id FROM enrollments
                          WHERE group_id = $1 AND status IN ('completed', 'failed'))
          ORDER BY t.id FOR UPDATE`,
        [groupId],
      );
      const [group] = await sqlRows<{
        code: string;
        status: string;
        completed_at: Date | null;
        open: boolean;
      }>(
        manager,
        `SELECT code, status, completed_at,
                completed_at > now() - make_interval(hours => $2) AS open
           FROM groups WHERE id = $1 FOR UPDATE`,
        [groupId, REOPEN_WINDOW_HOURS],
      );
      if (!group) throw new NotFoundError('Group', groupId);
      if (group.status !== 'completed') {
        throw new ConflictError(
          'group_status',
          `Group ${group.code} is ${group.status}; only a completed group can be reopened`,
        );
      }
      if (!group.open) {
        throw new RuleViolationError(
          'group.reopen_window_passed',
          `Group ${group.code} was completed more than ${REOPEN_WINDOW_HOURS} hours ago; it can no longer be reopened`,
          { completedAt: group.completed_at, windowHours: REOPEN_WINDOW_HOURS },
        );
      }
      const [clash] = await sqlRows<{ last_name: string; first_name: string; code: string }>(
        manager,
        `SELECT t.last_name, t.first_name, og.code
           FROM enrollments e
           JOIN groups g ON g.id = e.group_id
           JOIN trainees t ON t.id = e.trainee_id
           JOIN enrollments oe ON oe.trainee_id = e.trainee_id AND oe.status = 'active'
                              AND oe.group_id <> e.group_id
           JOIN groups og ON og.id = oe.group_id
          WHERE e.group_id = $1 AND e.status IN ('completed', 'failed')
            AND timetables_overlap(g.start_date, g.end_date, g.schedule, og.start_date, og.end_date, og.schedule)
          LIMIT 1`,
        [groupId],
      );
      if (clash) {
        throw new ConflictError(
          'trainee_schedule_overlap',
          `Trainee ${clash.last_name} ${clash.first_name} is now active in group ${clash.code}, whose dates and times overlap group ${group.code}`,
        );
      }
      const reopened = await sqlRows<{ id: string; status: string }>(
        manager,
        `UPDATE enrollments e SET status = 'active', status_reason = $2, status_changed_at = now(),
                updated_at = now()
           FROM enrollments old
          WHERE e.id = old.id AND e.group_id = $1 AND e.status IN ('completed', 'failed')
          RETURNING e.id, old.status`,
        [groupId, `group reopened: ${reason}`.slice(0, 500)],
      );
      await sqlRows(
        manager,
        `UPDATE groups SET status = 'in_progress', completed_at = NULL, updated_at = now()
          WHERE id = $1`,
        [groupId],
      );
      for (const row of reopened) {
        await this.audit.record(manager, actor, {
          action: 'reopen',
          entity: 'enrollment',
          entityId: row.id,
          changes: { status: { from: row.status, to: 'active' }, reason },
        });
      }
      const ids = reopened.map((r) => r.id);
      // Their certificates are revoked with the reopening's reason; then the referrals follow.
      await this.certificates.revokeCertificates(manager, actor, { enrollmentIds: ids }, reason);
      await this.events.enrollmentsReopened(manager, ids, actor, reason);
      await this.audit.record(manager, actor, {
        action: 'reopen',
        entity: 'group',
        entityId: groupId,
        changes: {
          status: { from: 'completed', to: 'in_progress' },
          reason,
          enrollmentsReopened: ids.length,
        },
      });
      return { id: groupId, enrollmentsReopened: ids.length };
    });
  }

  /** Active enrollments leave their seat as completed or failed. */
  private async finish(
    manager: EntityManager,
    groupId: string,
    ids: string[],
    status: 'completed' | 'failed',
    reason: string | null,
  ): Promise<void> {
    if (ids.length === 0) return;
    // The trigger enrollment_seat_counters frees their seats in the same statement.
    await sqlRows(
      manager,
      `UPDATE enrollments SET status = $2, status_reason = $3, status_changed_at = now(), updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'active'`,
      [ids, status, reason],
    );
  }
}
