import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Role } from '@sheber/common';

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
