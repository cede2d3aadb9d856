import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  IfPresent,
  IsIsoDate,
  IsTimeOfDay,
  PageQueryDto,
  trimString,
  upperTrim,
} from '@sheber/common';
import { GROUP_STATUSES, type GroupStatus } from '../group-status';

export class ScheduleSlotDto {
  /** ISO weekday: Monday = 1 … Sunday = 7. */
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  /** Local time of the centre, `HH:mm`. */
  @IsTimeOfDay()
  startTime: string;

  /** Local time of the centre, `HH:mm`, later than startTime. */
  @IsTimeOfDay()
  endTime: string;
}

export class CreateGroupDto {
  @IsUUID('all')
  courseId: string;

  /** Unique code, e.g. `JW-2026-03` (letters, digits and dashes; stored upper-case). */
  @Transform(upperTrim)
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { context: { code: 'group.code_format' } })
  code: string;

  /**
   * The workshop it is held in (GET /api/workshops): active, of the course's craft, with a
   * workplace for each seat and free at the group's times; null or left out: none yet.
   */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  workshopId?: string | null;

  @IsIsoDate()
  startDate: string;

  /** On or after startDate. */
  @IsIsoDate()
  endDate: string;

  /** The weekly lessons, 1 to 14 slots. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => ScheduleSlotDto)
  schedule: ScheduleSlotDto[];

  /** 1 to 8 trainees (default 8). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(8)
  capacity?: number;
}

export class UpdateGroupDto {
  @IfPresent()
  @Transform(upperTrim)
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { context: { code: 'group.code_format' } })
  code?: string;

  /**
   * The workshop it is held in (GET /api/workshops): active, of the course's craft, with a
   * workplace for each seat and free at the group's times; null or left out: none yet.
   */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  workshopId?: string | null;

  @IfPresent()
  @IsIsoDate()
  startDate?: string;

  @IfPresent()
  @IsIsoDate()
  endDate?: string;

  @IfPresent()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => ScheduleSlotDto)
  schedule?: ScheduleSlotDto[];

  /** 1 to 8; raising it moves trainees up from the waitlist. */
  @IfPresent()
  @IsInt()
  @Min(1)
  @Max(8)
  capacity?: number;
}

export class GroupQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(GROUP_STATUSES)
  status?: GroupStatus;

  @IsOptional()
  @IsUUID('all')
  courseId?: string;

  /** Words of the group's code, course title, craft (in any language) or master's name. */
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class AssignMasterDto {
  @IsUUID('all')
  masterId: string;
}

export class MasterQueryDto {
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,32}$/, { context: { code: 'field.craft_code' } })
  craft?: string;
}

export class SeatsView {
  capacity: number;
  active: number;
  waitlisted: number;
}

/** A named class, not an inline type: OpenAPI loses `| null` on inline objects. */
export class GroupMasterView {
  id: string;
  fullName: string;
}

export class GroupWorkshopView {
  id: string;
  name: string;
  workplaces: number;
}

export class GroupView {
  id: string;
  code: string;
  courseId: string;
  course: { id: string; title: string; craft: string; hours: number };
  masterId: string | null;
  master: GroupMasterView | null;
  /** Where it is held, or null. */
  workshop: GroupWorkshopView | null;
  startDate: string;
  endDate: string;
  schedule: ScheduleSlotDto[];
  capacity: number;
  status: GroupStatus;
  seats: SeatsView;
  /** When it last moved to `completed` (an admin may reopen it within 24 hours); else null. */
  completedAt: Date | null;
  createdAt: Date;
}

/** `POST /api/groups/:id/start` and `/complete`: an admin may override the timing rules. */
export class GroupTransitionDto {
  /** Admin only: start more than a week early, or complete before the training is over. */
  @IsOptional()
  @IsBoolean()
  override?: boolean;

  /** Required with `override`; kept in the audit log. */
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}

/** `POST /api/groups/:id/reopen`: why the completion is undone (its certificates are revoked with it). */
export class ReopenGroupDto {
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class MasterView {
  id: string;
  fullName: string;
  email: string;
  crafts: string[];
  /** The master's groups that are not completed or cancelled. */
  currentGroups: {
    id: string;
    code: string;
    status: GroupStatus;
    startDate: string;
    endDate: string;
  }[];
}
