import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@sheber/audit';
import {
  Actor,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  Page,
  RuleViolationError,
} from '@sheber/common';
import { Environment } from '@sheber/config';
import { sqlRows } from '@sheber/database/sql';
import { attendanceRate, MARK_COUNTS_SQL, type MarkCounts } from '@sheber/enrollments';
import {
  Group,
  type GroupListener,
  GroupsService,
  UNFINISHED_GROUP_STATUSES,
} from '@sheber/groups';
import { LessonView, MarkAttendanceDto } from './dto/lesson.dto';
import type { AttendanceStatus } from './entities/attendance-mark.entity';
import { markingWindow, planLessons } from './lesson-plan';

interface LessonRow {
  id: string;
  date: string;
  start_time: string;
  end_time: string;
  starts_at: Date;
  ends_at: Date;
}

export interface AttendanceSheet {
  group: { id: string; code: string };
  lessons: { id: string; date: string; startTime: string; endTime: string }[];
  rows: {
    enrollmentId: string;
    trainee: { lastName: string; firstName: string; patronymic: string | null };
    status: string;
    /** lesson id → mark; lessons without a mark for this trainee are absent from the map. */
    marks: Record<string, AttendanceStatus>;
    attendanceRate: number | null;
  }[];
}

const MARKABLE_GROUP_STATUSES = ['open', 'in_progress'];

/**
 * Lessons and attendance. Lessons are generated from the group's timetable in the centre's time
 * zone, skipping holidays; a change of timetable or holidays regenerates the future lessons that
 * have no marks and never touches a lesson that has.
 */
@Injectable()
export class LessonsService implements OnModuleInit, GroupListener {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly groups: GroupsService,
    private readonly env: Environment,
  ) {}

  onModuleInit(): void {
    this.groups.addListener(this);
  }

  async groupCreated(manager: EntityManager, group: Group): Promise<void> {
    await this.regenerateLessons(manager, group, { onlyFuture: false });
  }

  async timetableChanged(manager: EntityManager, group: Group): Promise<void> {
    await this.regenerateLessons(manager, group, { onlyFuture: true });
  }

  /** Replaces the group's unmarked lessons (only those still to come, with `onlyFuture`). */
  async regenerateLessons(
    manager: EntityManager,
    group: Pick<Group, 'id' | 'startDate' | 'endDate' | 'schedule'>,
    options: { onlyFuture: boolean },
  ): Promise<void> {
    const now = new Date();
    await sqlRows(
      manager,
      `DELETE FROM lessons l
        WHERE l.group_id = $1 AND ($2::boolean = false OR l.starts_at > $3)
          AND NOT EXISTS (SELECT 1 FROM attendance_marks m WHERE m.lesson_id = l.id)`,
      [group.id, options.onlyFuture, now],
    );
    const holidays = await sqlRows<{ date: string }>(
      manager,
      `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holidays WHERE date BETWEEN $1 AND $2`,
      [group.startDate, group.endDate],
    );
    const planned = planLessons(
      group,
      new Set(holidays.map((h) => h.date)),
      this.env.CENTRE_TIMEZONE,
    ).filter((lesson) => !options.onlyFuture || lesson.startsAt > now);
    if (planned.length === 0) return;
    await sqlRows(
      manager,
      `INSERT INTO lessons (group_id, date, start_time, end_time, starts_at, ends_at)
       SELECT $1, * FROM unnest($2::date[], $3::varchar[], $4::varchar[], $5::timestamptz[], $6::timestamptz[])
       ON CONFLICT ON CONSTRAINT uq_lesson_group_start DO NOTHING`,
      [
        group.id,
        planned.map((l) => l.date),
        planned.map((l) => l.startTime),
        planned.map((l) => l.endTime),
        planned.map((l) => l.startsAt),
        planned.map((l) => l.endsAt),
      ],
    );
  }

  /** Regenerates the future unmarked lessons of every unfinished group that spans `date`. */
  async holidaysChanged(manager: EntityManager, date: string): Promise<void> {
    const groups = await manager
      .getRepository(Group)
      .createQueryBuilder('g')
      .where('g.status IN (:...statuses)', { statuses: UNFINISHED_GROUP_STATUSES })
      .andWhere(':date BETWEEN g.start_date AND g.end_date', { date })
      .setLock('pessimistic_write')
      .getMany();
    for (const group of groups) await this.regenerateLessons(manager, group, { onlyFuture: true });
  }

  async listGroupLessons(
    actor: Actor,
    groupId: string,
    page: { limit: number; offset: number },
  ): Promise<Page<LessonView>> {
    await this.groups.findVisibleGroup(actor, groupId);
    const rows = await this.dataSource.query<(LessonRow & { marked: boolean; total: string })[]>(
      `SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, l.start_time, l.end_time, l.starts_at, l.ends_at,
              EXISTS (SELECT 1 FROM attendance_marks m WHERE m.lesson_id = l.id) AS marked,
              count(*) OVER () AS total
         FROM lessons l WHERE l.group_id = $1
        ORDER BY l.starts_at LIMIT $2 OFFSET $3`,
      [groupId, page.limit, page.offset],
    );
    const total = rows[0]
      ? Number(rows[0].total)
      : Number(
          (
            await this.dataSource.query<{ n: string }[]>(
              'SELECT count(*) AS n FROM lessons WHERE group_id = $1',
              [groupId],
            )
          )[0]?.n ?? 0,
        );
    return {
      total,
      items: rows.map((row) => ({
        id: row.id,
        date: row.date,
        startTime: row.start_time,
        endTime: row.end_time,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        marked: row.marked,
      })),
    };
  }

  /**
   * Marks one lesson: one mark per active trainee, replacing any earlier marks (so sending the same
   * marks twice changes nothing). The group's master may mark from the lesson's start until the
   * end of the 7th day after it; staff and admin may correct any started lesson, with a reason.
   */
  async markAttendance(
    actor: Actor,
    lessonId: string,
    input: MarkAttendanceDto,
  ): Promise<{
    lessonId: string;
    marks: { enrollmentId: string; status: AttendanceStatus; note: string | null }[];
  }> {
    return this.dataSource.transaction(async (manager) => {
      const [lesson] = await sqlRows<
        LessonRow & {
          group_id: string;
          master_id: string | null;
          group_status: string;
          code: string;
        }
      >(
        manager,
        `SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, l.start_time, l.end_time, l.starts_at, l.ends_at,
                l.group_id, g.master_id, g.status AS group_status, g.code
           FROM lessons l JOIN groups g ON g.id = l.group_id
          WHERE l.id = $1
            FOR UPDATE OF l`,
        [lessonId],
      );
      if (!lesson) throw new NotFoundError('Lesson', lessonId);
      const window = markingWindow(
        { date: lesson.date, startsAt: lesson.starts_at },
        new Date(),
        this.env.CENTRE_TIMEZONE,
      );
      if (actor.role === 'master') {
        if (lesson.master_id !== actor.id) {
          throw new ForbiddenError(`Only the master of group ${lesson.code} marks its attendance`);
        }
      } else if (!input.reason) {
        throw new InvalidInputError(
          'reason',
          'is required when staff or admin mark or correct a lesson',
        );
      }
      if (window === 'not_started') {
        throw new ConflictError(
          'lesson_not_started',
          `The lesson of ${lesson.date} ${lesson.start_time} has not started yet`,
        );
      }
      if (window === 'closed' && actor.role === 'master') {
        throw new RuleViolationError(
          'marking_window_closed',
          `Masters mark a lesson up to 7 days after it; ask staff to correct the lesson of ${lesson.date}`,
        );
      }
      if (!MARKABLE_GROUP_STATUSES.includes(lesson.group_status)) {
        throw new ConflictError(
          'group_not_running',
          `Group ${lesson.code} is ${lesson.group_status}; its attendance can no longer change`,
        );
      }

      const active = await sqlRows<{ id: string }>(
        manager,
        `SELECT id FROM enrollments WHERE group_id = $1 AND status = 'active'`,
        [lesson.group_id],
      );
      const activeIds = new Set(active.map((e) => e.id));
      const seen = new Set<string>();
      input.marks.forEach((mark, index) => {
        if (seen.has(mark.enrollmentId)) {
          throw new InvalidInputError(
            `marks.${index}.enrollmentId`,
            'appears twice in this request',
          );
        }
        seen.add(mark.enrollmentId);
        if (!activeIds.has(mark.enrollmentId)) {
          throw new InvalidInputError(
            `marks.${index}.enrollmentId`,
            `is not an active trainee of group ${lesson.code}`,
          );
        }
      });
      const missing = [...activeIds].filter((id) => !seen.has(id));
      if (missing.length > 0) {
        throw new InvalidInputError(
          'marks',
          `${missing.length} active trainee(s) of group ${lesson.code} have no mark: ${missing.join(', ')}`,
        );
      }

      const before = await sqlRows<{
        enrollment_id: string;
        status: AttendanceStatus;
        note: string | null;
      }>(manager, 'SELECT enrollment_id, status, note FROM attendance_marks WHERE lesson_id = $1', [
        lessonId,
      ]);
      if (input.marks.length > 0) {
        await sqlRows(
          manager,
          `INSERT INTO attendance_marks (lesson_id, enrollment_id, status, note, marked_by, marked_at)
           SELECT $1, m.enrollment_id, m.status, m.note, $5, now()
             FROM unnest($2::uuid[], $3::varchar[], $4::varchar[]) AS m(enrollment_id, status, note)
           ON CONFLICT ON CONSTRAINT uq_attendance_lesson_enrollment
           DO UPDATE SET status = EXCLUDED.status, note = EXCLUDED.note, marked_by = EXCLUDED.marked_by,
                         marked_at = EXCLUDED.marked_at
           WHERE attendance_marks.status IS DISTINCT FROM EXCLUDED.status
              OR attendance_marks.note IS DISTINCT FROM EXCLUDED.note`,
          [
            lessonId,
            input.marks.map((m) => m.enrollmentId),
            input.marks.map((m) => m.status),
            input.marks.map((m) => m.note ?? null),
            /^[0-9a-f-]{36}$/i.test(actor.id) ? actor.id : null,
          ],
        );
      }
      const previous = new Map(before.map((m) => [m.enrollment_id, m]));
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const mark of input.marks) {
        const old = previous.get(mark.enrollmentId);
        const note = mark.note ?? null;
        if (!old || old.status !== mark.status || old.note !== note) {
          changes[mark.enrollmentId] = {
            from: old ? { status: old.status, note: old.note } : null,
            to: { status: mark.status, note },
          };
        }
      }
      if (Object.keys(changes).length > 0) {
        await this.audit.record(manager, actor, {
          action: before.length === 0 ? 'mark_attendance' : 'correct_attendance',
          entity: 'lesson',
          entityId: lessonId,
          changes: { marks: changes, ...(input.reason && { reason: input.reason }) },
        });
      }
      return {
        lessonId,
        marks: input.marks.map((m) => ({
          enrollmentId: m.enrollmentId,
          status: m.status,
          note: m.note ?? null,
        })),
      };
    });
  }

  /** Rows are trainees, columns lessons; trainees who never had a mark and left are left out. */
  async attendanceSheet(actor: Actor, groupId: string): Promise<AttendanceSheet> {
    const group = await this.groups.findVisibleGroup(actor, groupId);
    const lessons = await this.dataSource.query<
      { id: string; date: string; start_time: string; end_time: string }[]
    >(
      `SELECT id, to_char(date, 'YYYY-MM-DD') AS date, start_time, end_time FROM lessons
        WHERE group_id = $1 ORDER BY starts_at`,
      [groupId],
    );
    const enrollments = await this.dataSource.query<
      (MarkCounts & {
        id: string;
        last_name: string;
        first_name: string;
        patronymic: string | null;
        status: string;
      })[]
    >(
      `SELECT e.id, t.last_name, t.first_name, t.patronymic, e.status, counts.*
         FROM enrollments e JOIN trainees t ON t.id = e.trainee_id
         ${MARK_COUNTS_SQL}
        WHERE e.group_id = $1
          AND (e.status IN ('active', 'completed', 'failed')
               OR EXISTS (SELECT 1 FROM attendance_marks m WHERE m.enrollment_id = e.id))
        ORDER BY t.last_name, t.first_name, e.id`,
      [groupId],
    );
    const marks = await this.dataSource.query<
      { enrollment_id: string; lesson_id: string; status: AttendanceStatus }[]
    >(
      `SELECT m.enrollment_id, m.lesson_id, m.status
         FROM attendance_marks m JOIN lessons l ON l.id = m.lesson_id
        WHERE l.group_id = $1`,
      [groupId],
    );
    const byEnrollment = new Map<string, Record<string, AttendanceStatus>>();
    for (const mark of marks) {
      const row = byEnrollment.get(mark.enrollment_id) ?? {};
      row[mark.lesson_id] = mark.status;
      byEnrollment.set(mark.enrollment_id, row);
    }
    return {
      group: { id: group.id, code: group.code },
      lessons: lessons.map((l) => ({
        id: l.id,
        date: l.date,
        startTime: l.start_time,
        endTime: l.end_time,
      })),
      rows: enrollments.map((e) => ({
        enrollmentId: e.id,
        trainee: { lastName: e.last_name, firstName: e.first_name, patronymic: e.patronymic },
        status: e.status,
        marks: byEnrollment.get(e.id) ?? {},
        attendanceRate: attendanceRate(e),
      })),
    };
  }
}

const CSV_MARK: Record<AttendanceStatus, string> = {
  present: 'present',
  late: 'late',
  absent: 'absent',
  excused: 'excused',
};

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The sheet as UTF-8 CSV with a byte-order mark, so Excel opens Cyrillic correctly. */
export function attendanceSheetCsv(sheet: AttendanceSheet): string {
  const header = [
    'Trainee',
    'Status',
    ...sheet.lessons.map((l) => `${l.date} ${l.startTime}`),
    'Attendance rate',
  ];
  const lines = sheet.rows.map((row) => [
    [row.trainee.lastName, row.trainee.firstName, row.trainee.patronymic].filter(Boolean).join(' '),
    row.status,
    ...sheet.lessons.map((l) => {
      const mark = row.marks[l.id];
      return mark ? CSV_MARK[mark] : '';
    }),
    row.attendanceRate === null ? '' : `${Math.round(row.attendanceRate * 1000) / 10}%`,
  ]);
  return `\uFEFF${[header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
