import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@sheber/audit';
import {
  Actor,
  ConflictError,
  type ErrorParam,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
  todayIn,
} from '@sheber/common';
import { Environment } from '@sheber/config';
import { TraineesRepository } from '@sheber/trainees';
import {
  attendanceRate,
  ENROLLMENT_TRANSITIONS,
  EnrollmentsRepository,
  lockGroupOfEnrollment,
  type SystemReason,
} from '@sheber/enrollments';
import { GroupsRepository, GroupsService, type GroupTransitionOptions } from '@sheber/groups';
import { type CompletionCandidate, completionCandidates } from './completion-candidates.queries';
import {
  CompleteEnrollmentDto,
  CompletionPreviewView,
  TrainingProgressView,
} from './dto/lesson.dto';
import { reopeningClash } from './group-reopening.queries';
import { trainingProgressOf } from './training-progress.queries';

/** An admin may reopen a completed group for this long after its completion. */
export const REOPEN_WINDOW_HOURS = 24;

/** What a group's completion closed: the enrollments completed, and every one it closed. */
export interface GroupCompleted {
  completedIds: string[];
  closedIds: string[];
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

/** An attendance rate as an error names it, in each language when there is none. */
function percent(rate: number | null): ErrorParam {
  return rate === null
    ? { kk: 'белгіленген сабақ жоқ', ru: 'нет отмеченных занятий', en: 'no marked lessons' }
    : `${Math.round(rate * 1000) / 10}%`;
}

/**
 * Completion and its undoing: who completes or fails, by attendance and the course's threshold,
 * and when the training is over. Its methods that change rows run in the caller's transaction:
 * the use cases of `libs/training` open it and call the certificates and the referrals after.
 */
@Injectable()
export class CompletionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly groups: GroupsService,
    private readonly groupsRepository: GroupsRepository,
    private readonly enrollments: EnrollmentsRepository,
    private readonly trainees: TraineesRepository,
    private readonly env: Environment,
  ) {}

  /**
   * Completes one active enrollment when its attendance reaches the course's threshold; otherwise
   * 422 with the rate and the threshold. Admin may override with a reason.
   */
  async completeEnrollment(
    manager: EntityManager,
    actor: Actor,
    enrollmentId: string,
    input: CompleteEnrollmentDto,
  ): Promise<{ id: string; status: 'completed'; attendanceRate: number | null }> {
    if (input.override && actor.role !== 'admin')
      throw new ForbiddenError('enrollment.override_admin_only');
    if (input.override && !input.reason) throw new InvalidInputError('reason', 'field.required');
    const groupId = await lockGroupOfEnrollment(manager, enrollmentId);
    await this.enrollments.lockEnrollmentsOfGroup(manager, groupId, enrollmentId);
    const [row] = await completionCandidates(manager, groupId, enrollmentId);
    if (!row || row.status !== 'active') {
      throw new ConflictError('enrollment.not_active', { status: row?.status ?? 'gone' });
    }
    if (!input.override) await this.assertTrainingOver(manager, groupId);
    const rate = attendanceRate(row);
    const eligible = rate !== null && rate * 100 >= row.min_attendance_percent;
    if (!eligible && !input.override) {
      throw new RuleViolationError(
        'enrollment.attendance_below_threshold',
        { rate: percent(rate), threshold: row.min_attendance_percent },
        { attendanceRate: rate, thresholdPercent: row.min_attendance_percent },
      );
    }
    // An admin's override keeps the reason as typed.
    await this.finish(manager, [enrollmentId], 'completed', {
      reason: input.override ? input.reason! : null,
      code: null,
    });
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
    return { id: enrollmentId, status: 'completed' as const, attendanceRate: rate };
  }

  /**
   * Completes a group's trainees (the caller holds the group's row lock): every eligible active
   * enrollment completes, the other active ones fail, and whoever still waits is withdrawn.
   * Refused while the training is not over, unless an admin overrides.
   */
  async completeGroup(
    manager: EntityManager,
    groupId: string,
    actor: Actor,
    options: GroupTransitionOptions,
  ): Promise<GroupCompleted> {
    if (!options.override) await this.assertTrainingOver(manager, groupId);
    await this.enrollments.lockEnrollmentsOfGroup(manager, groupId);
    const rows = await completionCandidates(manager, groupId);
    const active = rows.filter((r) => r.status === 'active');
    const completed = active.filter((r) => {
      const rate = attendanceRate(r);
      return rate !== null && rate * 100 >= r.min_attendance_percent;
    });
    const failed = active.filter((r) => !completed.includes(r));
    await this.finish(
      manager,
      completed.map((r) => r.id),
      'completed',
      { reason: null, code: null },
    );
    await this.finish(
      manager,
      failed.map((r) => r.id),
      'failed',
      { reason: null, code: 'attendance_below_threshold' },
    );
    const withdrawn = await this.enrollments.withdrawWaitlistOfGroup(
      manager,
      groupId,
      'group_completed',
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
        changes: { status: { from: 'waitlisted', to: 'withdrawn' }, reasonCode: 'group_completed' },
      });
    }
    return {
      completedIds: completed.map((r) => r.id),
      closedIds: [...active.map((r) => r.id), ...withdrawn.map((w) => w.id)],
    };
  }

  /** The group's lessons: planned, taken place (started), taken place without any mark. */
  async trainingProgress(
    manager: EntityManager,
    groupId: string,
  ): Promise<TrainingProgressView & { endDate: string }> {
    const row = await trainingProgressOf(manager, groupId);
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
        {
          held: progress.held,
          planned: progress.planned,
          lastLessonDate: progress.lastLessonDate ?? endDate,
        },
        { ...progress },
      );
    }
    if (problem === 'group.lessons_unmarked') {
      throw new RuleViolationError(problem, { unmarked: progress.unmarked }, { ...progress });
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
      const rows = await completionCandidates(manager, groupId);
      const active = rows.filter((r) => r.status === 'active');
      const below = active.filter((r: CompletionCandidate) => {
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
   * The first part of undoing a group's completion within 24 hours (admin, with a reason), in the
   * caller's transaction: the group runs again and its completed and failed trainees are active
   * again; returns their enrollment ids. The caller then undoes what followed the completion
   * (certificates revoked with the reason, referrals enrolled again) and ends with
   * `recordGroupReopened`. The waitlist withdrawn at completion stays withdrawn.
   */
  async reopenEnrollments(
    manager: EntityManager,
    actor: Actor,
    groupId: string,
    reason: string,
  ): Promise<string[]> {
    const finished = ENROLLMENT_TRANSITIONS.reopen.from;
    // Trainees and the master first, then the group: the lock order of enrollment and of a
    // master's assignment.
    await this.trainees.lockTrainees(
      manager,
      await this.enrollments.traineeIdsOfGroup(manager, groupId, finished),
    );
    await this.groups.lockMasterOf(manager, groupId);
    const group = await this.groupsRepository.lockGroupForReopening(
      manager,
      groupId,
      REOPEN_WINDOW_HOURS,
    );
    if (!group) throw new NotFoundError('Group', groupId);
    if (group.status !== 'completed') {
      throw new ConflictError('group.wrong_status', {
        group: group.code,
        status: group.status,
        allowedFrom: 'completed',
      });
    }
    if (!group.open) {
      throw new RuleViolationError(
        'group.reopen_window_passed',
        { group: group.code, windowHours: REOPEN_WINDOW_HOURS },
        { completedAt: group.completed_at, windowHours: REOPEN_WINDOW_HOURS },
      );
    }
    await this.groups.assertFreeToRunAgain(manager, groupId);
    const clash = await reopeningClash(manager, groupId, finished);
    if (clash) {
      throw new ConflictError('group.trainee_schedule_overlap', {
        trainee: `${clash.last_name} ${clash.first_name}`,
        other: clash.code,
        group: group.code,
      });
    }
    const reopened = await this.enrollments.reactivateFinishedOfGroup(manager, groupId, reason);
    await this.groupsRepository.reopenGroup(manager, groupId);
    for (const row of reopened) {
      await this.audit.record(manager, actor, {
        action: 'reopen',
        entity: 'enrollment',
        entityId: row.id,
        changes: { status: { from: row.status, to: 'active' }, reason },
      });
    }
    return reopened.map((r) => r.id);
  }

  /** The reopened group's audit row, last in the reopening's transaction. */
  async recordGroupReopened(
    manager: EntityManager,
    actor: Actor,
    groupId: string,
    reason: string,
    enrollmentsReopened: number,
  ): Promise<void> {
    await this.audit.record(manager, actor, {
      action: 'reopen',
      entity: 'group',
      entityId: groupId,
      changes: { status: { from: 'completed', to: 'in_progress' }, reason, enrollmentsReopened },
    });
  }

  /** Active enrollments leave their seat as completed or failed. */
  private async finish(
    manager: EntityManager,
    ids: string[],
    status: 'completed' | 'failed',
    why: { reason: string | null; code: SystemReason | null },
  ): Promise<void> {
    if (ids.length === 0) return;
    // The trigger enrollment_seat_counters frees their seats in the same statement.
    await this.enrollments.finishActive(manager, ids, status, why);
  }
}
