import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@sheber/audit';
import {
  Actor,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  RuleViolationError,
} from '@sheber/common';
import { sqlRows } from '@sheber/database/sql';
import {
  attendanceRate,
  EnrollmentEvents,
  lockGroupOfEnrollment,
  MARK_COUNTS_SQL,
  type MarkCounts,
} from '@sheber/enrollments';
import { Group, type GroupListener, GroupsService } from '@sheber/groups';
import { CompleteEnrollmentDto } from './dto/lesson.dto';

/**
 * Called inside the completing transaction for every enrollment that becomes `completed`: the
 * place where a certificate is written (pending) so it exists exactly when the completion commits.
 */
export type EnrollmentCompletedListener = (
  manager: EntityManager,
  enrollmentId: string,
  actor: Actor,
) => Promise<void>;

interface CandidateRow extends MarkCounts {
  id: string;
  status: string;
  min_attendance_percent: number;
}

function percent(rate: number | null): string {
  return rate === null ? 'no marked lessons' : `${Math.round(rate * 1000) / 10}%`;
}

@Injectable()
export class CompletionService implements OnModuleInit, GroupListener {
  private readonly listeners: EnrollmentCompletedListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly groups: GroupsService,
    private readonly events: EnrollmentEvents,
  ) {}

  onModuleInit(): void {
    this.groups.addListener(this);
  }

  onEnrollmentCompleted(listener: EnrollmentCompletedListener): void {
    this.listeners.push(listener);
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
      for (const listener of this.listeners) await listener(manager, enrollmentId, actor);
      await this.events.enrollmentsClosed(manager, [enrollmentId], actor);
      return { id: enrollmentId, status: 'completed' as const, attendanceRate: rate };
    });
  }

  /**
   * Completing a group (in its own transaction): every eligible active enrollment completes, the
   * other active ones fail, and whoever still waits is withdrawn.
   */
  async groupCompleting(manager: EntityManager, group: Group, actor: Actor): Promise<void> {
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
    await sqlRows(manager, 'UPDATE groups SET waitlist_count = 0 WHERE id = $1', [group.id]);
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
    for (const row of completed) {
      for (const listener of this.listeners) await listener(manager, row.id, actor);
    }
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
  ): Promise<CandidateRow[]> {
    return sqlRows<CandidateRow>(
      manager,
      `SELECT e.id, e.status, c.min_attendance_percent, counts.*
         FROM enrollments e
         JOIN groups g ON g.id = e.group_id
         JOIN courses c ON c.id = g.course_id
         ${MARK_COUNTS_SQL}
        WHERE e.group_id = $1 AND ($2::uuid IS NULL OR e.id = $2)
        FOR UPDATE OF e`,
      [groupId, enrollmentId ?? null],
    );
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
    await sqlRows(
      manager,
      `UPDATE enrollments SET status = $2, status_reason = $3, status_changed_at = now(), updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'active'`,
      [ids, status, reason],
    );
    await sqlRows(
      manager,
      'UPDATE groups SET active_count = active_count - $2, updated_at = now() WHERE id = $1',
      [groupId, ids.length],
    );
  }
}
