// Reads: courses, groups, users.
import type { DataSource } from 'typeorm';
import type { GroupView } from './dto/group.dto';
import type { GroupFilter } from './groups.repository';
import type { GroupStatus } from './group-status';
import type { ScheduleSlot } from './schedule';

/** A group as the API shows it: with its course and its master's name. */
interface GroupViewRow {
  id: string;
  code: string;
  course_id: string;
  course_title: string;
  course_craft: string;
  course_hours: number;
  master_id: string | null;
  master_name: string | null;
  room: string | null;
  start_date: string;
  end_date: string;
  schedule: ScheduleSlot[];
  capacity: number;
  status: GroupStatus;
  active_count: number;
  waitlist_count: number;
  completed_at: Date | null;
  created_at: Date;
}

/** The columns of a group view, from `g` (groups), `c` (courses) and `u` (its master). */
const VIEW_COLUMNS = `
  g.id, g.code, g.course_id, c.title AS course_title, c.craft AS course_craft,
  c.hours AS course_hours, g.master_id, u.full_name AS master_name, g.room,
  to_char(g.start_date, 'YYYY-MM-DD') AS start_date, to_char(g.end_date, 'YYYY-MM-DD') AS end_date,
  g.schedule, g.capacity, g.status, g.active_count, g.waitlist_count, g.completed_at, g.created_at`;

function toView(row: GroupViewRow): GroupView {
  return {
    id: row.id,
    code: row.code,
    courseId: row.course_id,
    course: {
      id: row.course_id,
      title: row.course_title,
      craft: row.course_craft,
      hours: row.course_hours,
    },
    masterId: row.master_id,
    master:
      row.master_id && row.master_name !== null
        ? { id: row.master_id, fullName: row.master_name }
        : null,
    room: row.room,
    startDate: row.start_date,
    endDate: row.end_date,
    schedule: row.schedule,
    capacity: row.capacity,
    status: row.status,
    seats: { capacity: row.capacity, active: row.active_count, waitlisted: row.waitlist_count },
    completedAt: row.completed_at,
    createdAt: row.created_at,
  };
}

/** One group as shown (its `masterId` tells the caller whose it is), or null. */
export async function groupView(db: DataSource, id: string): Promise<GroupView | null> {
  const [row] = await db.query<GroupViewRow[]>(
    `SELECT ${VIEW_COLUMNS}
       FROM groups g
       JOIN courses c ON c.id = g.course_id
       LEFT JOIN users u ON u.id = g.master_id
      WHERE g.id = $1`,
    [id],
  );
  return row ? toView(row) : null;
}

/**
 * A page of the group list, newest start first. The page's ids are picked first, in the order of
 * ix_groups_start_code (ix_groups_status_start_code under a status filter), so the scan stops at
 * the page; only those rows are joined to their course and master. Each filter present becomes an
 * equality of its own rather than `($1 IS NULL OR …)`, which no index serves.
 */
export async function groupViewPage(
  db: DataSource,
  filter: GroupFilter,
  page: { limit: number; offset: number },
): Promise<GroupView[]> {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const equal = (column: string, value: string | undefined): void => {
    if (value === undefined) return;
    params.push(value);
    conditions.push(`${column} = $${params.length}`);
  };
  equal('status', filter.status);
  equal('course_id', filter.courseId);
  equal('master_id', filter.masterId);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  params.push(page.limit, page.offset);
  const rows = await db.query<GroupViewRow[]>(
    `SELECT ${VIEW_COLUMNS}
       FROM (SELECT id FROM groups ${where}
              ORDER BY start_date DESC, code
              LIMIT $${params.length - 1} OFFSET $${params.length}) page
       JOIN groups g ON g.id = page.id
       JOIN courses c ON c.id = g.course_id
       LEFT JOIN users u ON u.id = g.master_id
      ORDER BY g.start_date DESC, g.code`,
    params,
  );
  return rows.map(toView);
}
