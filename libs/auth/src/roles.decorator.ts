import { SetMetadata } from '@nestjs/common';
import { ROLES, type Role } from '@sheber/common';

export const ROLES_KEY = 'sheber:roles';
export const PUBLIC_KEY = 'sheber:public';
export const BEFORE_PASSWORD_CHANGE_KEY = 'sheber:before-password-change';

/**
 * The roles that may call a route (admin always may). A route or controller without this, and
 * without @Public(), is for admin only: access is denied unless it is declared.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

/** Any signed-in user. */
export const AnyUser = (): MethodDecorator & ClassDecorator => Roles(...ROLES);

/** No sign-in needed (health, sign-in itself, public certificate verification). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/**
 * Open to a user who must first replace a temporary password (the password change itself, /me);
 * every other route answers such a user 403 `password.change_required`.
 */
export const AllowedBeforePasswordChange = (): MethodDecorator =>
  SetMetadata(BEFORE_PASSWORD_CHANGE_KEY, true);
