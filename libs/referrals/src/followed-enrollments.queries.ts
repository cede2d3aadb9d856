// Reads: enrollments.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';
import {
  CLOSED_ENROLLMENT_STATUSES,
  ENROLLMENT_STATUS,
  type SystemReason,
} from '@sheber/enrollments';

/** A closed enrollment as the referral that follows it sees it. */
export interface ClosedEnrollment {
  id: string;
  status: 'completed' | 'withdrawn' | 'failed';
  status_reason: string | null;
  status_reason_code: SystemReason | null;
}

/**
 * The enrollments whose change a referral follows, read inside the transaction that changed them
 * (which holds their rows locked), after their new status is written.
 */
@Injectable()
export class FollowedEnrollmentsQueries {
  /** Those of `ids` that are closed: completed, withdrawn or failed. */
  closedEnrollments(manager: EntityManager, ids: string[]): Promise<ClosedEnrollment[]> {
    return sqlRows<ClosedEnrollment>(
      manager,
      `SELECT e.id, e.status, e.status_reason, e.status_reason_code FROM enrollments e
        WHERE e.id = ANY($1::uuid[]) AND e.status = ANY($2::text[])`,
      [ids, CLOSED_ENROLLMENT_STATUSES],
    );
  }

  /** Those of `ids` that are active. */
  async activeEnrollments(manager: EntityManager, ids: string[]): Promise<string[]> {
    const rows = await sqlRows<{ id: string }>(
      manager,
      `SELECT e.id FROM enrollments e WHERE e.id = ANY($1::uuid[]) AND e.status = '${ENROLLMENT_STATUS.active}'`,
      [ids],
    );
    return rows.map((row) => row.id);
  }
}
