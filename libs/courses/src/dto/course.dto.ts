import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IfPresent, PageQueryDto, trimString, trimToNull } from '@sheber/common';

export class CreateCourseDto {
  /** Craft code, e.g. `pottery` (see GET /api/crafts). */
  @IsString()
  @Matches(/^[a-z_]{1,32}$/, { context: { code: 'field.craft_code' } })
  craft: string;

  /** Title in Kazakh or Russian, stored as given. */
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @IsOptional()
  @Transform(trimToNull)
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  /** Total hours of the course. */
  @IsInt()
  @Min(1)
  @Max(2000)
  hours: number;

  /** Attendance needed to complete, in percent (default 80). */
  @IfPresent()
  @IsInt()
  @Min(0)
  @Max(100)
  minAttendancePercent?: number;
}

export class UpdateCourseDto extends PartialType(CreateCourseDto, { skipNullProperties: false }) {
  /** `false` retires the course: no new groups. */
  @IfPresent()
  @IsBoolean()
  active?: boolean;
}

export class CourseQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,32}$/, { context: { code: 'field.craft_code' } })
  craft?: string;

  /** Only active (`true`) or retired (`false`) courses. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  active?: boolean;
}

/** A course as the API answers it (the entity's columns); describes the answers in OpenAPI. */
export class CourseView {
  id: string;
  /** Craft code. */
  craft: string;
  title: string;
  description: string | null;
  hours: number;
  minAttendancePercent: number;
  /** `false` when retired. */
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}
