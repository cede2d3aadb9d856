import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { auditActor } from '@sheber/audit';
import {
  Actor,
  addDays,
  ConflictError,
  type CsvDelimiter,
  csvDocument,
  ForbiddenError,
  InvalidInputError,
  isDottedCode,
  type Language,
  NotFoundError,
  Page,
  RuleViolationError,
  todayIn,
} from '@sheber/common';
import { Environment } from '@sheber/config';
import { databaseRefusal, refusalParams } from '@sheber/database/postgres-errors';
import { preparedRows, type PreparedStatement } from '@sheber/database/sql';
import type { EnrollmentStatus } from '@sheber/enrollments';
import {
  type Group,
  ENROLLING_GROUP_STATUSES,
  GroupsRepository,
  GroupsService,
  UNFINISHED_GROUP_STATUSES,
} from '@sheber/groups';
import {
  LessonView,
  MarkAttendanceDto,
  type MasterMarkingRefusal,
  MAX_LESSON_RANGE_DAYS,
  MyLessonsQueryDto,
  MyLessonsView,
  MyLessonView,
} from './dto/lesson.dto';
import { type AttendanceSheet, attendanceSheetOf } from './attendance-sheet.queries';
import type { AttendanceStatus } from './entities/attendance-mark.entity';
import { MASTER_MARKING_DAYS, planLessons } from './lesson-plan';
import { LessonsRepository } from './lessons.repository';
import { lessonsOfMaster } from './my-lessons.queries';

export type { AttendanceSheet } from './attendance-sheet.queries';

/** A refusal raised by mark_attendance (SQLSTATE SHB01) as the domain error it stands for. */
function markingRefusal(error: unknown, lessonId: string): Error | null {
  const refusal = databaseRefusal(error);
  if (!refusal) return null;
  const code = refusal.message;
  const params = refusalParams(refusal);
  if (code === 'lesson.not_found') return new NotFoundError('Lesson', lessonId);
  if (!isDottedCode(code)) return null;
  // A refused field (the reason, a mark) names itself in the hint.
  if (refusal.hint) return new InvalidInputError(refusal.hint, code, params);
  switch (code) {
    case 'lesson.not_group_master':
      return new ForbiddenError(code, params);
    case 'lesson.marking_window_closed':
      return new RuleViolationError(code, params);
    default:
      // lesson.not_started, group.not_running
      return new ConflictError(code, params);
  }
}

/**
 * Why mark_attendance would refuse the master now, in the order it checks: the lesson has not
 * started, the window has closed, the group is not running.
 */
function masterMarkingRefusal(
  window: MyLessonView['markingWindow'],
  groupStatus: string,
): MasterMarkingRefusal | null {
  if (window === 'not_started') return 'lesson.not_started';
  if (window === 'closed') return 'lesson.marking_window_closed';
  if (!(ENROLLING_GROUP_STATUSES as readonly string[]).includes(groupStatus)) {
    return 'group.not_running';
  }
  return null;
}

/** The busiest write of a master's day, so a prepared statement. */
const MARK: PreparedStatement = {
  name: 'mark_attendance',
  text: 'SELECT out_action FROM mark_attendance($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)',
};

/**
 * Lessons and attendance. Lessons are generated from the group's timetable in the centre's time
 * zone, skipping holidays; a change of timetable or holidays regenerates the future lessons that
 * have no marks and never touches a lesson that has.
 */
@Injectable()
export class LessonsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: LessonsRepository,
    private readonly groups: GroupsService,
    private readonly groupsRepository: GroupsRepository,
    private readonly env: Environment,
  ) {}

  /**
   * Replaces the group's unmarked lessons (only those still to come, with `onlyFuture`), in the
   * caller's transaction: every lesson of a new group, the future ones of a changed timetable.
   */
  async regenerateLessons(
    manager: EntityManager,
    group: Pick<Group, 'id' | 'startDate' | 'endDate' | 'schedule'>,
    options: { onlyFuture: boolean },
  ): Promise<void> {
    const now = new Date();
    await this.repository.deleteUnmarkedLessons(manager, group.id, options.onlyFuture, now);
    const holidays = await this.repository.holidayDatesBetween(
      manager,
      group.startDate,
      group.endDate,
    );
    const planned = planLessons(group, new Set(holidays), this.env.CENTRE_TIMEZONE).filter(
      (lesson) => !options.onlyFuture || lesson.startsAt > now,
    );
    if (planned.length === 0) return;
    await this.repository.insertLessons(manager, group.id, planned);
  }

  /** Regenerates the future unmarked lessons of every unfinished group that spans `date`. */
  async holidaysChanged(manager: EntityManager, date: string): Promise<void> {
    const groups = await this.groupsRepository.lockUnfinishedGroupsSpanning(manager, date);
    for (const group of groups) await this.regenerateLessons(manager, group, { onlyFuture: true });
  }

  async listGroupLessons(
    actor: Actor,
    groupId: string,
    page: { limit: number; offset: number },
  ): Promise<Page<LessonView>> {
    await this.groups.findVisibleGroup(actor, groupId);
    const rows = await this.repository.lessonPage(groupId, page);
    const total = rows[0]
      ? Number(rows[0].total)
      : await this.repository.countLessonsOfGroup(groupId);
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
   * The lessons of the caller's own unfinished groups between two days (default: the last and the
   * coming week), in time order: one query for the master's screen instead of one per group. Each
   * says until when the master may mark it and, when not now, why (the code marking would answer).
   */
  async listMyLessons(actor: Actor, query: MyLessonsQueryDto): Promise<MyLessonsView> {
    const today = todayIn(this.env.CENTRE_TIMEZONE);
    const from = query.from ?? addDays(today, -MASTER_MARKING_DAYS);
    const to = query.to ?? addDays(today, MASTER_MARKING_DAYS);
    if (to < from) throw new InvalidInputError('to', 'field.period_reversed');
    if (to > addDays(from, MAX_LESSON_RANGE_DAYS)) {
      throw new InvalidInputError('to', 'lesson.range_too_long', { days: MAX_LESSON_RANGE_DAYS });
    }
    const rows = await lessonsOfMaster(this.dataSource, {
      masterId: actor.id,
      from,
      to,
      timeZone: this.env.CENTRE_TIMEZONE,
      markingDays: MASTER_MARKING_DAYS,
      statuses: UNFINISHED_GROUP_STATUSES,
    });
    return {
      today,
      from,
      to,
      total: rows.length,
      items: rows.map((row) => ({
        id: row.id,
        date: row.date,
        startTime: row.start_time,
        endTime: row.end_time,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        marked: row.marked,
        markingWindow: row.window,
        markableUntil: addDays(row.date, MASTER_MARKING_DAYS),
        refusal: masterMarkingRefusal(row.window, row.status),
        group: {
          id: row.group_id,
          code: row.code,
          status: row.status,
          workshop: row.workshop,
          course: { title: row.title, craft: row.craft },
        },
      })),
    };
  }

  /**
   * Marks one lesson: one mark per active trainee, replacing any earlier marks (so sending the same
   * marks twice changes nothing). The group's master may mark from the lesson's start until the
   * end of the 7th day after it; staff and admin may mark or correct any started lesson, with a
   * reason, and once a lesson has marks they may send only the marks they change.
   */
  async markAttendance(
    actor: Actor,
    lessonId: string,
    input: MarkAttendanceDto,
  ): Promise<{
    lessonId: string;
    marks: { enrollmentId: string; status: AttendanceStatus; note: string | null }[];
  }> {
    const seen = new Set<string>();
    input.marks.forEach((mark, index) => {
      if (seen.has(mark.enrollmentId))
        throw new InvalidInputError(`marks.${index}.enrollmentId`, 'field.duplicates');
      seen.add(mark.enrollmentId);
    });
    const [actorId, actorRole, requestId] = auditActor(actor);
    try {
      // One round trip: the database function locks the lesson, applies the rules (who may mark,
      // when, one mark per active trainee) and writes the marks and the audit row.
      await preparedRows(this.dataSource, MARK, [
        lessonId,
        JSON.stringify(
          input.marks.map((m) => ({
            enrollmentId: m.enrollmentId,
            status: m.status,
            note: m.note ?? null,
          })),
        ),
        input.reason ?? null,
        // Who may do what is decided here: a master marks only their own group's lessons, within
        // the window; staff and admin correct any started lesson, with a reason.
        actor.role === 'master' ? actor.id : null,
        actor.role === 'master' ? MASTER_MARKING_DAYS : null,
        actor.role !== 'master',
        ENROLLING_GROUP_STATUSES,
        actorId,
        actor.role === 'master' ? 'master' : actorRole,
        requestId,
        this.env.CENTRE_TIMEZONE,
        // Staff correct a marked lesson one mark at a time, in the journal; a master's screen
        // sends the whole lesson, and so does anyone marking a lesson for the first time.
        actor.role !== 'master',
      ]);
    } catch (error) {
      throw markingRefusal(error, lessonId) ?? error;
    }
    return {
      lessonId,
      marks: input.marks.map((m) => ({
        enrollmentId: m.enrollmentId,
        status: m.status,
        note: m.note ?? null,
      })),
    };
  }

  /** Rows are trainees, columns lessons; trainees who never had a mark and left are left out. */
  async attendanceSheet(actor: Actor, groupId: string): Promise<AttendanceSheet> {
    return attendanceSheetOf(this.dataSource, await this.groups.findVisibleGroup(actor, groupId));
  }
}

/** The sheet's words in each language: headings, marks as letters, enrollment statuses. */
const SHEET_LABELS: Record<
  Language,
  {
    trainee: string;
    status: string;
    rate: string;
    marks: Record<AttendanceStatus, string>;
    statuses: Record<EnrollmentStatus, string>;
  }
> = {
  kk: {
    trainee: 'Тыңдаушы',
    status: 'Мәртебесі',
    rate: 'Қатысу үлесі',
    marks: { present: 'келді', late: 'кешікті', absent: 'келмеді', excused: 'дәлелді себеп' },
    statuses: {
      active: 'оқып жүр',
      waitlisted: 'күту тізімінде',
      withdrawn: 'шығарылды',
      completed: 'бітірді',
      failed: 'бітірмеді',
    },
  },
  ru: {
    trainee: 'Слушатель',
    status: 'Статус',
    rate: 'Посещаемость',
    marks: { present: 'был', late: 'опоздал', absent: 'не был', excused: 'уважительная причина' },
    statuses: {
      active: 'обучается',
      waitlisted: 'в листе ожидания',
      withdrawn: 'отчислен',
      completed: 'окончил',
      failed: 'не окончил',
    },
  },
  en: {
    trainee: 'Trainee',
    status: 'Status',
    rate: 'Attendance rate',
    marks: { present: 'present', late: 'late', absent: 'absent', excused: 'excused' },
    statuses: {
      active: 'active',
      waitlisted: 'waitlisted',
      withdrawn: 'withdrawn',
      completed: 'completed',
      failed: 'failed',
    },
  },
};

/** The sheet as CSV in the language, for Excel (see csvDocument). */
export function attendanceSheetCsv(
  sheet: AttendanceSheet,
  lang: Language,
  delimiter: CsvDelimiter = 'comma',
): string {
  const labels = SHEET_LABELS[lang];
  const header = [
    labels.trainee,
    labels.status,
    ...sheet.lessons.map((l) => `${l.date} ${l.startTime}`),
    labels.rate,
  ];
  const lines = sheet.rows.map((row) => [
    [row.trainee.lastName, row.trainee.firstName, row.trainee.patronymic].filter(Boolean).join(' '),
    labels.statuses[row.status],
    ...sheet.lessons.map((l) => {
      const mark = row.marks[l.id];
      return mark ? labels.marks[mark] : '';
    }),
    row.attendanceRate === null ? '' : `${Math.round(row.attendanceRate * 1000) / 10}%`,
  ]);
  return csvDocument([header, ...lines], delimiter);
}
