import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';
import { ENROLLMENT_STATUS } from '@sheber/enrollments';
import { REFERRAL_TRANSITIONS, type ReferralOutcome, type ReferralStatus } from './referral-status';
import type { ClosedEnrollment } from './followed-enrollments.queries';

/** The referral as its changes read it, under its row lock. */
export interface LockedReferral {
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

/** A new referral's columns, as the officer filed it. */
export interface NewReferral {
  employmentCenterId: string;
  number: string;
  iin: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  phone: string | null;
  categories: string[];
  craft: string;
  courseId: string | null;
  note: string | null;
  createdBy: string;
}

/** The referrals table: every statement that names it, except the reads of the read models. */
@Injectable()
export class ReferralsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** When the user last looked at the referrals' changes; null when never. */
  async lastLook(userId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query<{ looked_at: Date }[]>(
      'SELECT looked_at FROM referral_looks WHERE user_id = $1',
      [userId],
    );
    return row?.looked_at ?? null;
  }

  /** Records a look; never moves it back (two tabs may send their looks out of order). */
  async recordLook(userId: string, at: Date): Promise<Date> {
    const [row] = await this.dataSource.query<{ looked_at: Date }[]>(
      `INSERT INTO referral_looks (user_id, looked_at) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE
             SET looked_at = greatest(referral_looks.looked_at, excluded.looked_at)
       RETURNING looked_at`,
      [userId, at],
    );
    return row!.looked_at;
  }

  /**
   * Serialises referrals of one person until the transaction ends, so the open-referral check and
   * the insert see the same world; the partial unique index uq_referral_person_open is the backstop.
   */
  async lockPerson(manager: EntityManager, iin: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`referral:${iin}`]);
  }

  async insertReferral(manager: EntityManager, referral: NewReferral): Promise<string> {
    const [created] = await sqlRows<{ id: string }>(
      manager,
      `INSERT INTO referrals (employment_center_id, number, iin, last_name, first_name, patronymic,
                              phone, categories, craft, course_id, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        referral.employmentCenterId,
        referral.number,
        referral.iin,
        referral.lastName,
        referral.firstName,
        referral.patronymic,
        referral.phone,
        referral.categories,
        referral.craft,
        referral.courseId,
        referral.note,
        referral.createdBy,
      ],
    );
    return created!.id;
  }

  /** Locks the referral, only if it is of `centerId` (when given); `created_on` in `timeZone`. */
  async lockReferral(
    manager: EntityManager,
    id: string,
    timeZone: string,
    centerId: string | null,
  ): Promise<LockedReferral | undefined> {
    const params: unknown[] = [id, timeZone];
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
    return row;
  }

  /** Intake: the trainee found or registered, and the enrollment when there is one. */
  async recordIntake(
    manager: EntityManager,
    id: string,
    status: ReferralStatus,
    traineeId: string,
    enrollmentId: string | null,
  ): Promise<void> {
    await sqlRows(
      manager,
      `UPDATE referrals SET status = $2, trainee_id = $3, enrollment_id = $4, status_reason = NULL,
              status_reason_code = NULL, status_changed_at = now(), updated_at = now()
        WHERE id = $1`,
      [id, status, traineeId, enrollmentId],
    );
  }

  /** Rejected or cancelled before any enrollment. */
  async closeReferral(
    manager: EntityManager,
    id: string,
    status: 'rejected' | 'cancelled',
    reason: string | null,
  ): Promise<void> {
    await sqlRows(
      manager,
      `UPDATE referrals SET status = $2, status_reason = $3, status_reason_code = NULL,
              status_changed_at = now(), updated_at = now()
        WHERE id = $1`,
      [id, status, reason],
    );
  }

  async recordOutcome(
    manager: EntityManager,
    id: string,
    outcome: ReferralOutcome,
    date: string,
    note: string | null,
  ): Promise<void> {
    await sqlRows(
      manager,
      `UPDATE referrals SET outcome = $2, outcome_date = $3, outcome_note = $4, updated_at = now()
        WHERE id = $1`,
      [id, outcome, date, note],
    );
  }

  /**
   * The enrolled referrals of closed enrollments follow them: completed → completed; withdrawn or
   * failed → dropped, with the enrollment's reason (as typed, and the system's code) as the
   * referral's: the enrollment's status is shown beside it, in the reader's language.
   */
  followClosedEnrollments(
    manager: EntityManager,
    closed: readonly ClosedEnrollment[],
  ): Promise<
    { id: string; status: ReferralStatus; reason: string | null; reason_code: string | null }[]
  > {
    if (closed.length === 0) return Promise.resolve([]);
    return sqlRows(
      manager,
      `UPDATE referrals r
          SET status = CASE e.status WHEN '${ENROLLMENT_STATUS.completed}' THEN '${REFERRAL_TRANSITIONS.complete.to}'
                                     ELSE '${REFERRAL_TRANSITIONS.drop.to}' END,
              status_reason = CASE e.status WHEN '${ENROLLMENT_STATUS.completed}' THEN NULL
                                 ELSE e.status_reason END,
              status_reason_code = CASE e.status WHEN '${ENROLLMENT_STATUS.completed}' THEN NULL
                                      ELSE e.status_reason_code END,
              status_changed_at = now(), updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $5::text[])
              AS e (id, status, status_reason, status_reason_code)
        WHERE e.id = r.enrollment_id AND r.status = ANY($4::text[])
        RETURNING r.id, r.status, r.status_reason AS reason, r.status_reason_code AS reason_code`,
      [
        closed.map((e) => e.id),
        closed.map((e) => e.status),
        closed.map((e) => e.status_reason),
        // completing and dropping leave from the same status
        REFERRAL_TRANSITIONS.complete.from,
        closed.map((e) => e.status_reason_code),
      ],
    );
  }

  /** The completed or dropped referrals of enrollments active again go back to `enrolled`. */
  followReopenedEnrollments(
    manager: EntityManager,
    activeEnrollmentIds: readonly string[],
  ): Promise<{ id: string; status: ReferralStatus }[]> {
    if (activeEnrollmentIds.length === 0) return Promise.resolve([]);
    return sqlRows(
      manager,
      `UPDATE referrals r SET status = '${REFERRAL_TRANSITIONS.reopen.to}', status_reason = NULL,
              status_reason_code = NULL,
              status_changed_at = now(), updated_at = now()
         FROM referrals old
        WHERE old.id = r.id AND r.enrollment_id = ANY($1::uuid[])
          AND r.status = ANY($2::text[])
        RETURNING r.id, old.status`,
      [activeEnrollmentIds, REFERRAL_TRANSITIONS.reopen.from],
    );
  }
}
