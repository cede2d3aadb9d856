import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsIsoDate, PageQueryDto } from '@sheber/common';

export class AuditQueryDto extends PageQueryDto {
  /** Only entries about this kind of record, e.g. `user`. */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,64}$/)
  entity?: string;

  /** Only entries about this record. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  /** Only entries by this user. */
  @IsOptional()
  @IsUUID('all')
  actorId?: string;

  /** Only entries of this action, e.g. `update` or `reset_password`. */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,64}$/, { message: 'action must be an action such as update' })
  action?: string;

  /** Only entries from this day on (the centre's calendar), `YYYY-MM-DD`. */
  @IsOptional()
  @IsIsoDate()
  from?: string;

  /** Only entries up to the end of this day (the centre's calendar), `YYYY-MM-DD`. */
  @IsOptional()
  @IsIsoDate()
  to?: string;
}

/** One audit entry as an admin reads it. */
export class AuditEntryView {
  id: string;
  at: Date;
  /** The user who made the change; null for the system (migrations, seed, command line). */
  actorId: string | null;
  /** That user's name, while the account exists. */
  actorName: string | null;
  actorRole: string;
  /** What was done: create, update, delete, view, or a domain verb such as enroll. */
  action: string;
  /** The kind of record, e.g. `user`, `group`, `enrollment`. */
  entity: string;
  entityId: string;
  /** The changed fields, as `{ field: value }` or `{ field: { from, to } }`; never a secret. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  changes: Record<string, unknown>;
  requestId: string | null;
}
