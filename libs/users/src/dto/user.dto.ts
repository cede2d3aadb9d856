import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { IfPresent, PageQueryDto, ROLES, type Role } from '@sheber/common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
const lowerTrim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class CreateUserDto {
  /** Sign-in email; compared without regard to case. */
  @Transform(lowerTrim)
  @IsEmail()
  @MaxLength(254)
  email: string;

  /**
   * At least 10 characters. Left out, the account gets a temporary password, returned once as
   * `temporaryPassword`, that the user must replace at the first sign-in.
   */
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;

  /** The person's full name as it appears on documents. */
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @IsIn(ROLES)
  role: Role;

  /** For masters: the crafts they are qualified to teach (craft codes). */
  @IfPresent()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[a-z_]{1,32}$/, { each: true, context: { code: 'field.craft_code' } })
  crafts?: string[];

  /** For officers: the employment centre they work for. */
  @IsOptional()
  @IsUUID('all')
  employmentCenterId?: string;
}

export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['email'] as const), {
  skipNullProperties: false,
}) {
  /** `false` deactivates the account: its tokens stop working at once. */
  @IfPresent()
  @IsBoolean()
  active?: boolean;
}

export class UserListQueryDto extends IntersectionType(PageQueryDto) {
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  /** Only active (`true`) or deactivated (`false`) accounts. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  active?: boolean;

  /** A fragment of the name or the email, in any case. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class UserView {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  active: boolean;
  /** Craft codes, for masters. */
  crafts: string[];
  employmentCenterId: string | null;
  createdAt: Date;
}

/** A new account; with the temporary password when the request gave none. */
export class CreatedUserView extends UserView {
  /** Shown once: give it to the user, who must replace it at the first sign-in. */
  temporaryPassword?: string;
}

export class TemporaryPasswordView {
  /** Shown once: give it to the user, who must replace it at the next sign-in. */
  temporaryPassword: string;
}
