// Reads: enrollments, groups.
import { ENROLLMENT_STATUS, OPEN_ENROLLMENT_STATUSES } from './enrollment-status';

/** Anything that runs a statement and returns its rows: a DataSource, or a test's pg client. */
export interface RowQuery {
  query<T>(sql: string, params?: unknown[]): Promise<T>;
}

/** A group whose seat counters differ from its enrollment rows. */
export interface SeatCounterDrift {
  groupId: string;
  code: string;
  activeCount: number;
  active: number;
  waitlistCount: number;
  waitlisted: number;
}

/**
 * Every group whose `active_count` or `waitlist_count` differs from the count of its active or
 * waitlisted enrollments; none while the trigger keeps them (docs/decisions/0010-seat-counters.md).
 * One statement, so one snapshot: a check running beside enrollments sees no half-done change.
 */
export async function seatCounterDrift(db: RowQuery): Promise<SeatCounterDrift[]> {
  const rows = await db.query<
    {
      id: string;
      code: string;
      active_count: number;
      active: number;
      waitlist_count: number;
      waitlisted: number;
    }[]
  >(
    `SELECT g.id, g.code, g.active_count, coalesce(c.active, 0)::int AS active,
            g.waitlist_count, coalesce(c.waitlisted, 0)::int AS waitlisted
       FROM groups g
       LEFT JOIN (SELECT group_id, count(*) FILTER (WHERE status = '${ENROLLMENT_STATUS.active}') AS active,
                         count(*) FILTER (WHERE status = '${ENROLLMENT_STATUS.waitlisted}') AS waitlisted
                    FROM enrollments WHERE status = ANY($1::text[])
                   GROUP BY group_id) c ON c.group_id = g.id
      WHERE g.active_count <> coalesce(c.active, 0) OR g.waitlist_count <> coalesce(c.waitlisted, 0)
      ORDER BY g.code`,
    [OPEN_ENROLLMENT_STATUSES],
  );
  return rows.map((row) => ({
    groupId: row.id,
    code: row.code,
    activeCount: row.active_count,
    active: row.active,
    waitlistCount: row.waitlist_count,
    waitlisted: row.waitlisted,
  }));
}

/** One line for a group whose counters differ, as the check prints it. */
export function describeSeatCounterDrift(drift: SeatCounterDrift): string {
  return (
    `group ${drift.code} (${drift.groupId}): active_count ${drift.activeCount} but ${drift.active} ` +
    `active enrollments, waitlist_count ${drift.waitlistCount} but ${drift.waitlisted} waitlisted`
  );
}
