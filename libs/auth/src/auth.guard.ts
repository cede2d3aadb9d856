import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError, type Role } from '@sheber/common';
import type { TokenSubject } from '@sheber/users';
import { AuthService, type TokenClaims } from './auth.service';
import { BEFORE_PASSWORD_CHANGE_KEY, PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  csrfTokensMatch,
  parseCookies,
  SAFE_METHODS,
  SESSION_COOKIE,
} from './session-cookies';

/** How the request's token came: in the Authorization header or in the session cookie. */
export type TokenCarrier = 'bearer' | 'cookie';

export type AuthenticatedRequest = FastifyRequest & {
  user?: TokenSubject;
  session?: { claims: TokenClaims; carrier: TokenCarrier };
};

export const PASSWORD_CHANGE_REQUIRED = 'password.change_required';

/** The roles a route declares, or undefined where it declares none (admin only). */
export function declaredRoles(reflector: Reflector, context: ExecutionContext): Role[] | undefined {
  return reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
    context.getHandler(),
    context.getClass(),
  ]);
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

/**
 * The token of the request: the Authorization header, else the session cookie of the web app.
 * A cookie-authenticated change must echo the CSRF cookie in X-CSRF-Token: a cross-site page can
 * make the browser send the cookie, but cannot read the CSRF cookie to copy it.
 */
function requestToken(
  request: FastifyRequest,
): { token: string; carrier: TokenCarrier } | undefined {
  const fromHeader = sentToken(request);
  if (fromHeader?.carrier !== 'cookie') return fromHeader;
  const cookies = parseCookies(request.headers.cookie);
  if (
    !SAFE_METHODS.has(request.method) &&
    !csrfTokensMatch(request.headers[CSRF_HEADER], cookies.get(CSRF_COOKIE))
  ) {
    throw new ForbiddenError('auth.csrf');
  }
  return fromHeader;
}

/** The token a request carries, bearer first, without the CSRF check (for sign-out). */
export function sentToken(
  request: FastifyRequest,
): { token: string; carrier: TokenCarrier } | undefined {
  const fromHeader = bearerToken(request);
  if (fromHeader) return { token: fromHeader, carrier: 'bearer' };
  const fromCookie = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
  return fromCookie ? { token: fromCookie, carrier: 'cookie' } : undefined;
}

/**
 * Signs in and authorizes every route of the API (installed globally). Deny by default: a route
 * must be @Public() or declare its @Roles(); one that declares nothing is for admin only.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const sent = requestToken(request);
    if (!sent) throw new UnauthenticatedError('auth.sign_in_required');
    const { user, claims } = await this.auth.session(sent.token);
    request.user = user;
    request.session = { claims, carrier: sent.carrier };

    if (
      user.passwordChangeRequired &&
      !this.reflector.get<boolean | undefined>(BEFORE_PASSWORD_CHANGE_KEY, context.getHandler())
    ) {
      throw new ForbiddenError(PASSWORD_CHANGE_REQUIRED);
    }

    const roles = declaredRoles(this.reflector, context) ?? [];
    if (user.role === 'admin' || roles.includes(user.role)) return true;
    throw new ForbiddenError('auth.forbidden');
  }
}
