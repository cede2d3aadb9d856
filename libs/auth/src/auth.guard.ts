import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError, type Role } from '@sheber/common';
import type { TokenSubject } from '@sheber/users';
import { AuthService } from './auth.service';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  csrfTokensMatch,
  parseCookies,
  SAFE_METHODS,
  SESSION_COOKIE,
} from './session-cookies';

export type AuthenticatedRequest = FastifyRequest & { user?: TokenSubject };

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
function requestToken(request: FastifyRequest): string | undefined {
  const fromHeader = bearerToken(request);
  if (fromHeader) return fromHeader;
  const cookies = parseCookies(request.headers.cookie);
  const fromCookie = cookies.get(SESSION_COOKIE);
  if (!fromCookie) return undefined;
  if (
    !SAFE_METHODS.has(request.method) &&
    !csrfTokensMatch(request.headers[CSRF_HEADER], cookies.get(CSRF_COOKIE))
  ) {
    throw new ForbiddenError('The X-CSRF-Token header is missing or does not match the session');
  }
  return fromCookie;
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
    const token = requestToken(request);
    if (!token) throw new UnauthenticatedError('Sign in first: this route needs an access token');
    const user = await this.auth.authenticate(token);
    request.user = user;

    const roles = declaredRoles(this.reflector, context) ?? [];
    if (user.role === 'admin' || roles.includes(user.role)) return true;
    throw new ForbiddenError('Your role may not do this');
  }
}
