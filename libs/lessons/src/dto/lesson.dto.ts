import { Transform, Type } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import {
  CSV_DELIMITERS,
  type CsvDelimiter,
  IsIsoDate,
  type Language,
  LANGUAGES,
  trimString,
} from '@sheber/common';
import type { EnrollmentStatus } from '@sheber/enrollments';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../entities/attendance-mark.entity';
import { checkedMarks, MAX_MARKS, MAX_NOTE_LENGTH } from './attendance-marks';

/** One trainee's mark; checked by `checkedMarks`, so the decorators here only document it. */
export class AttendanceMarkDto {
  @ApiProperty({ format: 'uuid' })
  enrollmentId: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  status: AttendanceStatus;

  /** Trimmed; blank becomes null. */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_NOTE_LENGTH })
  note?: string | null;
}

export class MarkAttendanceDto {
  /**
   * One mark for every active trainee of the group. Staff correcting a lesson that already has
   * marks send only the marks they change (also of a trainee who has left since).
   */
  @IsArray()
  @ArrayMaxSize(MAX_MARKS)
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) && value.length <= MAX_MARKS ? checkedMarks(value) : value,
  )
  @ApiProperty({ type: [AttendanceMarkDto], maxItems: MAX_MARKS })
  marks: AttendanceMarkDto[];

  /** Required when staff or admin correct a lesson. */
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}

export class LessonView {
  id: string;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: Date;
  endsAt: Date;
  /** Whether attendance has been marked. */
  marked: boolean;
}

/** Why a master may not mark a lesson now: the code the API would refuse the marks with. */
export const MASTER_MARKING_REFUSALS = [
  'lesson.not_started',
  'lesson.marking_window_closed',
  'group.not_running',
] as const;
export type MasterMarkingRefusal = (typeof MASTER_MARKING_REFUSALS)[number];

/** A lesson of the caller's own groups, with what the master needs to open it. */
export class MyLessonView extends LessonView {
  /** Whether the master may mark it now: `not_started`, `open` (up to 7 days after) or `closed`. */
  @ApiProperty({ enum: ['not_started', 'open', 'closed'] })
  markingWindow: 'not_started' | 'open' | 'closed';
  /** The last day (the centre's calendar) on which the master may mark or correct it. */
  markableUntil: string;
  /**
   * Why the master may not mark it now, as the code `PUT /api/lessons/:id/attendance` would
   * refuse with (a group not yet opened, for one); null when the master may.
   */
  @ApiProperty({ enum: MASTER_MARKING_REFUSALS, nullable: true, type: String })
  refusal: MasterMarkingRefusal | null;
  group: {
    id: string;
    code: string;
    status: string;
    /** The name of the workshop it is held in, or null. */
    workshop: string | null;
    course: { title: string; craft: string };
  };
}

/** `GET /api/lessons/mine`: the lessons, and the day they were read on. */
export class MyLessonsView {
  items: MyLessonView[];
  total: number;
  /** Today in the centre's time zone, so that a phone elsewhere groups the days as the centre does. */
  today: string;
  /** The first and last day covered (the defaults filled in). */
  from: string;
  to: string;
}

/** The longest period `GET /api/lessons/mine` covers. */
export const MAX_LESSON_RANGE_DAYS = 31;

export class MyLessonsQueryDto {
  /** First day (the centre's calendar); default a week ago. */
  @IsOptional()
  @IsIsoDate()
  from?: string;

  /** Last day, inclusive; default a week ahead. At most 31 days after `from`. */
  @IsOptional()
  @IsIsoDate()
  to?: string;
}

export class AttendanceSheetQueryDto {
  @IsOptional()
  @IsIn(['json', 'csv', 'pdf'])
  format?: 'json' | 'csv' | 'pdf';

  /** Language of the CSV's words; defaults to the request's Accept-Language, else Russian. */
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;

  /** `semicolon` for Excel in Kazakh and Russian locales; `comma` by default. */
  @IsOptional()
  @IsIn(CSV_DELIMITERS)
  delimiter?: CsvDelimiter;
}

export class CompleteEnrollmentDto {
  /** Admin only: complete although the attendance is below the course's threshold. */
  @IsOptional()
  @IsBoolean()
  override?: boolean;

  /** Required with `override`. */
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}

export class CreateHolidayDto {
  @IsIsoDate()
  date: string;

  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameKk: string;

  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameRu: string;

  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameEn: string;
}

export class HolidayQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsIn(Array.from({ length: 50 }, (_, i) => 2000 + i), { context: { code: 'field.year' } })
  year?: number;
}

export class HolidayDateParamDto {
  @IsIsoDate()
  date: string;
}

/** A group's lessons as completion sees them. */
export class TrainingProgressView {
  /** Lessons of the timetable. */
  planned: number;
  /** Lessons that have taken place (started), marked or not. */
  held: number;
  /** Lessons that have taken place without any attendance mark. */
  unmarked: number;
  /** The date of the last planned lesson; null when the group has none. */
  lastLessonDate: string | null;
}

export class BelowThresholdView {
  enrollmentId: string;
  trainee: { lastName: string; firstName: string; patronymic: string | null };
  /** 0–1; null when no lesson counts yet. */
  attendanceRate: number | null;
}

/** `GET /api/groups/:id/completion-preview`: what completing would do, before it is done. */
export class CompletionPreviewView extends TrainingProgressView {
  endDate: string;
  /** The code completion would answer 422 with (an admin may override), or null. */
  refusal: 'group.completion_too_early' | 'group.lessons_unmarked' | null;
  /** The course's minimum attendance, percent; null when the group has no trainees. */
  thresholdPercent: number | null;
  /** Active trainees. */
  active: number;
  /** Active trainees who would complete. */
  eligible: number;
  /** Active trainees who would fail: attendance below the course's threshold. */
  belowThreshold: BelowThresholdView[];
}

/** What `POST /api/groups/:id/reopen` undid. */
export class GroupReopenedView {
  id: string;
  /** Completed and failed enrollments that are active again. */
  enrollmentsReopened: number;
}

/** `GET /api/groups/:id/attendance` as JSON: trainees × lessons. */
export class AttendanceSheetView {
  group: { id: string; code: string };
  lessons: AttendanceSheetLessonView[];
  rows: AttendanceSheetRowView[];
}

export class AttendanceSheetLessonView {
  id: string;
  date: string;
  startTime: string;
  endTime: string;
  /** When it starts: marks are taken from then on. */
  startsAt: Date;
}

export class AttendanceSheetRowView {
  enrollmentId: string;
  trainee: { lastName: string; firstName: string; patronymic: string | null };
  status: EnrollmentStatus;
  /** Lesson id → mark; lessons without a mark for this trainee are absent from the map. */
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...ATTENDANCE_STATUSES] },
  })
  marks: Record<string, AttendanceStatus>;
  /** Lesson id → the note of that mark; marks without a note are absent from the map. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  notes: Record<string, string>;
  /** (present + late) / (lessons held − excused), 0–1; null before any lesson is marked. */
  attendanceRate: number | null;
}

// For the holidays screen: the holiday as the API answers it, so the web app's types know it.
/** A day the centre is closed, with its name in each language. */
export class HolidayView {
  /** `YYYY-MM-DD`. */
  date: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}
