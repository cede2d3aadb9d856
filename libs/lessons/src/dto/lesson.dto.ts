import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate, trimString, trimToNull } from '@sheber/common';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../entities/attendance-mark.entity';

export class AttendanceMarkDto {
  @IsUUID('all')
  enrollmentId: string;

  @IsIn(ATTENDANCE_STATUSES, {
    message: `status must be one of: ${ATTENDANCE_STATUSES.join(', ')}`,
  })
  status: AttendanceStatus;

  @IsOptional()
  @Transform(trimToNull)
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class MarkAttendanceDto {
  /** One mark for every active trainee of the group. */
  @IsArray()
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => AttendanceMarkDto)
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

export class AttendanceSheetQueryDto {
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
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
  @IsIn(Array.from({ length: 50 }, (_, i) => 2000 + i), {
    message: 'year must be a year such as 2026',
  })
  year?: number;
}

export class HolidayDateParamDto {
  @IsIsoDate()
  date: string;
}
