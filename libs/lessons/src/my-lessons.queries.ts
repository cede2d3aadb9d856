// Reads: attendance_marks, courses, groups, lessons, workshops.
import type { DataSource } from 'typeorm';
import type { GroupStatus } from '@sheber/groups';
import type { MyLessonView } from './dto/lesson.dto';
import type { LessonRow } from './lessons.repository';

export type MyLessonRow = LessonRow & {
  marked: boolean;
  window: MyLessonView['markingWindow'];
  group_id: string;
  code: string;
  status: string;
  workshop: string | null;
  title: string;
  craft: string;
};

/**
 * The lessons of a master's groups in the given statuses between two days, in time order, with
 * each lesson's marking window: one query for the master's screen instead of one per group.
 */
export async function lessonsOfMaster(
  dataSource: DataSource,
  query: {
    masterId: string;
    from: string;
    to: string;
    timeZone: string;
    markingDays: number;
    statuses: readonly GroupStatus[];
  },
): Promise<MyLessonRow[]> {
  return dataSource.query<MyLessonRow[]>(
    `SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, l.start_time, l.end_time, l.starts_at,
            l.ends_at, EXISTS (SELECT 1 FROM attendance_marks m WHERE m.lesson_id = l.id) AS marked,
            marking_window(l.date, l.starts_at, now(), $4, $5) AS window,
            g.id AS group_id, g.code, g.status, w.name AS workshop, c.title, c.craft
       FROM groups g
       JOIN courses c ON c.id = g.course_id
       JOIN lessons l ON l.group_id = g.id AND l.date BETWEEN $2 AND $3
       LEFT JOIN workshops w ON w.id = g.workshop_id
      WHERE g.master_id = $1 AND g.status = ANY($6)
      ORDER BY l.starts_at, g.code`,
    [query.masterId, query.from, query.to, query.timeZone, query.markingDays, query.statuses],
  );
}
