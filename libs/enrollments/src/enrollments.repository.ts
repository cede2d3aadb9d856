import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';
import {
  ENROLLMENT_STATUS,
  ENROLLMENT_TRANSITIONS,
  type EnrollmentStatus,
  type SystemReason,
} from './enrollment-status';

/**
 * The `enrollments` table. Every status change here moves the group's seat counters through the
 * trigger `enrollment_seat_counters` (libs/enrollments/src/sql/enrollment_seat_counters.sql), in
 * the same statement. Methods that take an `EntityManager` run inside the caller's transaction,
 * which holds the group's row lock before it touches enrollment rows.
 */
@Injectable()
export class EnrollmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The group of an enrollment, or null when there is no such enrollment. */
  async groupIdOf(manager: EntityManager, enrollmentId: string): Promise<string | null> {
    const [found] = await sqlRows<{ group_id: string }>(
      manager,
      'SELECT group_id FROM enrollments WHERE id = $1',
      [enrollmentId],
    );
    return found?.group_id ?? null;
  }

  /** The enrollment's status and waitlist place, its row locked until commit. */
  async lockEnrollment(
    manager: EntityManager,
    id: string,
  ): Promise<{ status: EnrollmentStatus; waitlist_position: number | null } | null> {
    const [enrollment] = await sqlRows<{
      status: EnrollmentStatus;
      waitlist_position: number | null;
    }>(manager, 'SELECT status, waitlist_position FROM enrollments WHERE id = $1 FOR UPDATE', [id]);
    return enrollment ?? null;
  }

  async withdraw(manager: EntityManager, id: string, reason: string): Promise<void> {
    await sqlRows(
      manager,
      `UPDATE enrollments SET status = '${ENROLLMENT_TRANSITIONS.withdraw.to}', waitlist_position = NULL,
              status_reason = $2, status_reason_code = NULL, status_changed_at = now(), updated_at = now()
        WHERE id = $1`,
      [id, reason],
    );
  }

  /** Withdraws every open enrollment of the group; returns each with the status it had. */
  async withdrawOpenOfGroup(
    manager: EntityManager,
    groupId: string,
    reasonCode: SystemReason,
  ): Promise<{ id: string; status: EnrollmentStatus }[]> {
    return sqlRows<{ id: string; status: EnrollmentStatus }>(
      manager,
      `UPDATE enrollments e SET status = '${ENROLLMENT_TRANSITIONS.withdraw.to}', waitlist_position = NULL,
              status_reason = NULL, status_reason_code = $2, status_changed_at = now(), updated_at = now()
         FROM enrollments old
        WHERE e.id = old.id AND e.group_id = $1 AND e.status = ANY ($3::text[])
        RETURNING e.id, old.status`,
      [groupId, reasonCode, ENROLLMENT_TRANSITIONS.withdraw.from],
    );
  }

  /** The group's waitlist in order, the rows locked until commit. */
  async lockWaitlist(
    manager: EntityManager,
    groupId: string,
  ): Promise<{ id: string; trainee_id: string; waitlist_position: number }[]> {
    return sqlRows<{ id: string; trainee_id: string; waitlist_position: number }>(
      manager,
      `SELECT id, trainee_id, waitlist_position FROM enrollments
        WHERE group_id = $1 AND status = '${ENROLLMENT_STATUS.waitlisted}' ORDER BY waitlist_position FOR UPDATE`,
      [groupId],
    );
  }

  /** A waitlisted enrollment takes a seat (the caller has checked that one is free). */
  async promote(manager: EntityManager, id: string): Promise<void> {
    await sqlRows(
      manager,
      `UPDATE enrollments SET status = '${ENROLLMENT_TRANSITIONS.promote.to}', waitlist_position = NULL,
              status_changed_at = now(), updated_at = now()
        WHERE id = $1`,
      [id],
    );
  }

  /** Moves everyone after `position` up by one. */
  async closeWaitlistGap(manager: EntityManager, groupId: string, position: number): Promise<void> {
    // Two steps through negative numbers, so the unique (group, position) index never sees a
    // duplicate in the middle of the shift.
    await sqlRows(
      manager,
      `UPDATE enrollments SET waitlist_position = -(waitlist_position - 1)
        WHERE group_id = $1 AND status = '${ENROLLMENT_STATUS.waitlisted}' AND waitlist_position > $2`,
      [groupId, position],
    );
    await sqlRows(
      manager,
      `UPDATE enrollments SET waitlist_position = -waitlist_position
        WHERE group_id = $1 AND status = '${ENROLLMENT_STATUS.waitlisted}' AND waitlist_position < 0`,
      [groupId],
    );
  }

  /** Numbers the waitlist 1, 2, 3 … in its current order. */
  async renumberWaitlist(manager: EntityManager, groupId: string): Promise<void> {
    await sqlRows(
      manager,
      `UPDATE enrollments e SET waitlist_position = -r.n
         FROM (SELECT id, row_number() OVER (ORDER BY waitlist_position) AS n
                 FROM enrollments WHERE group_id = $1 AND status = '${ENROLLMENT_STATUS.waitlisted}') r
        WHERE e.id = r.id`,
      [groupId],
    );
    await sqlRows(
      manager,
      `UPDATE enrollments SET waitlist_position = -waitlist_position
        WHERE group_id = $1 AND status = '${ENROLLMENT_STATUS.waitlisted}' AND waitlist_position < 0`,
      [groupId],
    );
  }

  /** Keeps each promotion until staff acknowledge that the trainee was told; returns their ids. */
  async recordPromotions(manager: EntityManager, enrollmentIds: string[]): Promise<string[]> {
    const rows = await sqlRows<{ id: string }>(
      manager,
      `INSERT INTO waitlist_promotions (enrollment_id)
       SELECT unnest($1::uuid[]) RETURNING id`,
      [enrollmentIds],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Marks a promotion acknowledged by `userId`, only if nobody has yet; returns its enrollment,
   * or null when it is unknown or already acknowledged (`acknowledged` says which).
   */
  async acknowledgePromotion(
    manager: EntityManager,
    id: string,
    userId: string,
  ): Promise<{ enrollment_id: string } | { acknowledged: boolean }> {
    const [done] = await sqlRows<{ enrollment_id: string }>(
      manager,
      `UPDATE waitlist_promotions SET acknowledged_at = now(), acknowledged_by = $2
        WHERE id = $1 AND acknowledged_at IS NULL RETURNING enrollment_id`,
      [id, userId],
    );
    if (done) return done;
    const [found] = await sqlRows<{ id: string }>(
      manager,
      'SELECT id FROM waitlist_promotions WHERE id = $1',
      [id],
    );
    return { acknowledged: found !== undefined };
  }

  async countOfGroup(groupId: string): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM enrollments WHERE group_id = $1',
      [groupId],
    );
    return row?.n ?? 0;
  }

  // For completion (libs/lessons): active enrollments leave their seat as completed or failed;
  // the trigger enrollment_seat_counters frees their seats in the same statement.
  async finishActive(
    manager: EntityManager,
    ids: string[],
    status: 'completed' | 'failed',
    why: { reason: string | null; code: SystemReason | null },
  ): Promise<void> {
    await sqlRows(
      manager,
      `UPDATE enrollments SET status = $2, status_reason = $3, status_reason_code = $4,
              status_changed_at = now(), updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'active'`,
      [ids, status, why.reason, why.code],
    );
  }

  /** Withdraws the group's waitlist (a completed group); returns the ids withdrawn. */
  async withdrawWaitlistOfGroup(
    manager: EntityManager,
    groupId: string,
    reasonCode: SystemReason,
  ): Promise<{ id: string }[]> {
    return sqlRows<{ id: string }>(
      manager,
      `UPDATE enrollments SET status = 'withdrawn', waitlist_position = NULL, status_reason = NULL,
              status_reason_code = $2, status_changed_at = now(), updated_at = now()
        WHERE group_id = $1 AND status = 'waitlisted' RETURNING id`,
      [groupId, reasonCode],
    );
  }

  /**
   * A reopened group's completed and failed enrollments are active again, with the admin's reason
   * beside the code `group_reopened`; returns each with the status it had.
   */
  async reactivateFinishedOfGroup(
    manager: EntityManager,
    groupId: string,
    reason: string,
  ): Promise<{ id: string; status: EnrollmentStatus }[]> {
    return sqlRows<{ id: string; status: EnrollmentStatus }>(
      manager,
      `UPDATE enrollments e SET status = 'active', status_reason = $2,
              status_reason_code = $4, status_changed_at = now(),
              updated_at = now()
         FROM enrollments old
        WHERE e.id = old.id AND e.group_id = $1 AND e.status = ANY ($3::text[])
        RETURNING e.id, old.status`,
      [
        groupId,
        reason,
        ENROLLMENT_TRANSITIONS.reopen.from,
        'group_reopened' satisfies SystemReason,
      ],
    );
  }

  // For completion (libs/lessons): the enrollments it is about to complete, fail or withdraw,
  // locked after the group's row (the lock order of docs/ARCHITECTURE.md).
  async lockEnrollmentsOfGroup(
    manager: EntityManager,
    groupId: string,
    enrollmentId?: string,
  ): Promise<void> {
    await sqlRows(
      manager,
      `SELECT id FROM enrollments WHERE group_id = $1 AND ($2::uuid IS NULL OR id = $2)
        ORDER BY id FOR UPDATE`,
      [groupId, enrollmentId ?? null],
    );
  }

  // For reopening (libs/lessons): the trainees of the group's enrollments in these statuses,
  // read so that their rows can be locked first.
  async traineeIdsOfGroup(
    manager: EntityManager,
    groupId: string,
    statuses: readonly EnrollmentStatus[],
  ): Promise<string[]> {
    const rows = await sqlRows<{ trainee_id: string }>(
      manager,
      `SELECT DISTINCT trainee_id FROM enrollments WHERE group_id = $1 AND status = ANY($2::text[])
        ORDER BY trainee_id`,
      [groupId, statuses],
    );
    return rows.map((row) => row.trainee_id);
  }
}
