import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';
import { Holiday } from './entities/holiday.entity';
import type { PlannedLesson } from './lesson-plan';

/** A lesson as the group's list shows it. */
export interface LessonRow {
  id: string;
  date: string;
  start_time: string;
  end_time: string;
  starts_at: Date;
  ends_at: Date;
}

/**
 * The `lessons`, `attendance_marks` and `holidays` tables. Marking itself is the database function
 * `mark_attendance` (LessonsService). Methods that take an `EntityManager` run inside the caller's
 * transaction.
 */
@Injectable()
export class LessonsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Removes the group's lessons that have no marks (with `onlyFuture`, those starting after `now`). */
  async deleteUnmarkedLessons(
    manager: EntityManager,
    groupId: string,
    onlyFuture: boolean,
    now: Date,
  ): Promise<void> {
    await sqlRows(
      manager,
      `DELETE FROM lessons l
        WHERE l.group_id = $1 AND ($2::boolean = false OR l.starts_at > $3)
          AND NOT EXISTS (SELECT 1 FROM attendance_marks m WHERE m.lesson_id = l.id)`,
      [groupId, onlyFuture, now],
    );
  }

  /** Adds lessons; one that exists at that start is kept (`uq_lesson_group_start`). */
  async insertLessons(
    manager: EntityManager,
    groupId: string,
    planned: PlannedLesson[],
  ): Promise<void> {
    await sqlRows(
      manager,
      `INSERT INTO lessons (group_id, date, start_time, end_time, starts_at, ends_at)
       SELECT $1, * FROM unnest($2::date[], $3::varchar[], $4::varchar[], $5::timestamptz[], $6::timestamptz[])
       ON CONFLICT ON CONSTRAINT uq_lesson_group_start DO NOTHING`,
      [
        groupId,
        planned.map((l) => l.date),
        planned.map((l) => l.startTime),
        planned.map((l) => l.endTime),
        planned.map((l) => l.startsAt),
        planned.map((l) => l.endsAt),
      ],
    );
  }

  /** A page of the group's lessons in time order, each saying whether it has marks. */
  async lessonPage(
    groupId: string,
    page: { limit: number; offset: number },
  ): Promise<(LessonRow & { marked: boolean; total: string })[]> {
    return this.dataSource.query<(LessonRow & { marked: boolean; total: string })[]>(
      `SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, l.start_time, l.end_time, l.starts_at, l.ends_at,
              EXISTS (SELECT 1 FROM attendance_marks m WHERE m.lesson_id = l.id) AS marked,
              count(*) OVER () AS total
         FROM lessons l WHERE l.group_id = $1
        ORDER BY l.starts_at LIMIT $2 OFFSET $3`,
      [groupId, page.limit, page.offset],
    );
  }

  async countLessonsOfGroup(groupId: string): Promise<number> {
    const [row] = await this.dataSource.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM lessons WHERE group_id = $1',
      [groupId],
    );
    return Number(row?.n ?? 0);
  }

  /** The holidays between two days (inclusive), as `YYYY-MM-DD`. */
  async holidayDatesBetween(manager: EntityManager, from: string, to: string): Promise<string[]> {
    const rows = await sqlRows<{ date: string }>(
      manager,
      `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holidays WHERE date BETWEEN $1 AND $2`,
      [from, to],
    );
    return rows.map((row) => row.date);
  }

  async listHolidays(year?: number): Promise<Holiday[]> {
    const query = this.dataSource
      .getRepository(Holiday)
      .createQueryBuilder('h')
      .orderBy('h.date', 'ASC');
    if (year)
      query.where('h.date BETWEEN :from AND :to', { from: `${year}-01-01`, to: `${year}-12-31` });
    return query.getMany();
  }

  async insertHoliday(manager: EntityManager, holiday: Holiday): Promise<Holiday> {
    // insert, not save: save would quietly overwrite an existing holiday of that date.
    await manager.insert(Holiday, { ...holiday });
    return manager.create(Holiday, holiday);
  }

  /** False when there was no holiday on that day. */
  async deleteHoliday(manager: EntityManager, date: string): Promise<boolean> {
    const result = await manager.delete(Holiday, { date });
    return Boolean(result.affected);
  }
}
