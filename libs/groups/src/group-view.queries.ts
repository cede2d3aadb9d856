// Reads: courses, crafts, groups, users, workshops.
import type { DataSource } from 'typeorm';
import { containsPattern, searchWords } from '@sheber/database/search';
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
  workshop_id: string | null;
  workshop_name: string | null;
  workshop_workplaces: number | null;
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

/**
 * The columns of a group view, from `g` (groups), `c` (courses), `u` (its master) and `w` (its
 * workshop).
 */
const VIEW_COLUMNS = `
  g.id, g.code, g.course_id, c.title AS course_title, c.craft AS course_craft,
  c.hours AS course_hours, g.master_id, u.full_name AS master_name, g.workshop_id,
  w.name AS workshop_name, w.workplaces AS workshop_workplaces,
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
    workshop:
      row.workshop_id && row.workshop_name !== null
        ? { id: row.workshop_id, name: row.workshop_name, workplaces: row.workshop_workplaces! }
        : null,
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
       LEFT JOIN workshops w ON w.id = g.workshop_id
      WHERE g.id = $1`,
    [id],
  );
  return row ? toView(row) : null;
}

/**
 * The conditions of a group filter on `groups g`, each one present an equality of its own rather
 * than `($1 IS NULL OR …)`, which no index serves. Each word of a search must be found in the
 * group's code (ix_groups_code_trgm), its course's title, its craft's name in any language or its
 * master's name; courses, crafts and masters are few, so their matching ids are read first and the
 * groups are found by ix_groups_course and ix_groups_master.
 */
function groupConditions(filter: GroupFilter, params: unknown[]): string {
  const conditions: string[] = [];
  const equal = (column: string, value: string | undefined): void => {
    if (value === undefined) return;
    conditions.push(`g.${column} = $${params.push(value)}`);
  };
  equal('status', filter.status);
  equal('course_id', filter.courseId);
  equal('master_id', filter.masterId);
  for (const word of searchWords(filter.search)) {
    const like = `LIKE $${params.push(containsPattern(word))} ESCAPE '\\'`;
    conditions.push(`(lower(g.code) ${like}
      OR g.course_id = ANY(ARRAY(
           SELECT c.id FROM courses c JOIN crafts cr ON cr.code = c.craft
            WHERE lower(c.title) ${like} OR lower(cr.name_kk) ${like}
               OR lower(cr.name_ru) ${like} OR lower(cr.name_en) ${like}))
      OR g.master_id = ANY(ARRAY(SELECT u.id FROM users u WHERE lower(u.full_name) ${like})))`);
  }
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** A search counts its matches up to this many; narrow it to see the rest. */
export const GROUP_SEARCH_LIMIT = 10_000;

/**
 * A page of the group list, newest start first. The page's ids are picked first, in the order of
 * ix_groups_start_code (ix_groups_status_start_code under a status filter), so the scan stops at
 * the page; only those rows are joined to their course and master. A search takes its matches
 * first (a bitmap of ix_groups_code_trgm, ix_groups_course and ix_groups_master), up to
 * GROUP_SEARCH_LIMIT, and sorts them: walking the order with the search as a filter reads every
 * group for a code found once (docs/decisions/0008-read-paths-at-national-scale.md).
 * `total` is given for a search only.
 */
export async function groupViewPage(
  db: DataSource,
  filter: GroupFilter,
  page: { limit: number; offset: number },
): Promise<{ items: GroupView[]; total?: number }> {
  const params: unknown[] = [];
  const where = groupConditions(filter, params);
  params.push(page.limit, page.offset);
  const limit = `LIMIT $${params.length - 1} OFFSET $${params.length}`;
  const joined = `JOIN groups g ON g.id = page.id
       JOIN courses c ON c.id = g.course_id
       LEFT JOIN users u ON u.id = g.master_id
       LEFT JOIN workshops w ON w.id = g.workshop_id
      ORDER BY g.start_date DESC, g.code`;
  if (searchWords(filter.search).length > 0) {
    const hits = `hits AS MATERIALIZED (
       SELECT g.id, g.start_date, g.code FROM groups g ${where} LIMIT ${GROUP_SEARCH_LIMIT + 1})`;
    const rows = await db.query<(GroupViewRow & { hits: number })[]>(
      `WITH ${hits},
       page AS (SELECT id FROM hits ORDER BY start_date DESC, code ${limit})
       SELECT ${VIEW_COLUMNS}, (SELECT count(*)::int FROM hits) AS hits FROM page ${joined}`,
      params,
    );
    let total: number = rows[0]?.hits ?? 0;
    if (rows.length === 0 && page.offset > 0) {
      const [count] = await db.query<{ n: number }[]>(
        `WITH ${hits} SELECT count(*)::int AS n FROM hits`,
        params.slice(0, -2),
      );
      total = count?.n ?? 0;
    }
    if (total <= GROUP_SEARCH_LIMIT) return { items: rows.map(toView), total };
  }
  const rows = await db.query<GroupViewRow[]>(
    `SELECT ${VIEW_COLUMNS}
       FROM (SELECT g.id FROM groups g ${where}
              ORDER BY g.start_date DESC, g.code ${limit}) page
       ${joined}`,
    params,
  );
  const common = searchWords(filter.search).length > 0 ? GROUP_SEARCH_LIMIT : undefined;
  return { items: rows.map(toView), total: common };
}
