import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Role } from '@sheber/common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@sheber/users';

export class LoginDto {
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  email: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class SessionUserView {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  employmentCenterId: string | null;
  /** After an admin's reset: until the user sets a new password, other routes answer 403. */
  passwordChangeRequired: boolean;
}

export class LoginResultView {
  /** Send as `Authorization: Bearer <accessToken>`. */
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  user: SessionUserView;
}

export class SessionView {
  /** Seconds until the session ends. */
  expiresIn: number;
  user: SessionUserView;
}

export class ChangePasswordDto {
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  /** At least 10 characters, and not the current password. */
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

export class PasswordChangedView {
  /**
   * The fresh bearer token of this session: the old one, and every other of the user, has
   * stopped working. Absent when the request came with the session cookie, which is renewed.
   */
  accessToken?: string;
  /** Seconds until the new token expires. */
  expiresIn: number;
  user: SessionUserView;
}
