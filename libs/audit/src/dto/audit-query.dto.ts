import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@sheber/common';

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
}
