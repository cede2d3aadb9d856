import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type Actor, UnauthenticatedError } from '@sheber/common';
import { Environment } from '@sheber/config';
import { TokenSubject, UsersService } from '@sheber/users';
import { LoginResultView, SessionUserView } from './dto/login.dto';
import { LoginAttemptsService } from './login-attempts.service';
import { RevokedTokens } from './revoked-tokens';
import { TokenSubjectCache } from './token-subject-cache';

/** The only algorithm a token may be signed with; `iss` must be this issuer. */
export const TOKEN_ALGORITHM = 'HS256';
export const TOKEN_ISSUER = 'sheber';

export interface TokenClaims {
  sub: string;
  /** The user's token version when the token was made; a newer version revokes it. */
  tv: number;
  /** The token's id (a UUID): sign-out revokes this id. */
  jti: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  iss: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The claims every token of ours has; a verified token without one of them is refused. */
function isTokenClaims(payload: unknown): payload is TokenClaims {
  const claims = payload as Partial<Record<keyof TokenClaims, unknown>> | null;
  return (
    typeof claims === 'object' &&
    claims !== null &&
    typeof claims.sub === 'string' &&
    UUID.test(claims.sub) &&
    typeof claims.jti === 'string' &&
    UUID.test(claims.jti) &&
    Number.isSafeInteger(claims.tv) &&
    Number.isFinite(claims.exp) &&
    claims.iss === TOKEN_ISSUER
  );
}

export function toSessionUser(user: TokenSubject): SessionUserView {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    employmentCenterId: user.employmentCenterId,
    passwordChangeRequired: user.passwordChangeRequired,
  };
}

/** A request's signed-in user and the token it came with. */
export interface Session {
  user: TokenSubject;
  claims: TokenClaims;
}

@Injectable()
export class AuthService {
  /**
   * Tokens whose signature was checked in the last few seconds (TOKEN_CACHE_SECONDS), never past
   * their expiry: a token's claims cannot change, and checking costs a decode, two JSON parses and
   * an HMAC on every request. Revocation is checked on every request all the same: of the token
   * (RevokedTokens, through Redis) and of the user (token version, active: TokenSubjectCache).
   */
  private readonly verified = new Map<string, { claims: TokenClaims; until: number }>();

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly attempts: LoginAttemptsService,
    private readonly env: Environment,
    private readonly subjects: TokenSubjectCache,
    private readonly revoked: RevokedTokens,
  ) {}

  async login(email: string, password: string, address: string): Promise<LoginResultView> {
    await this.attempts.assertNotLocked(email, address);
    const user = await this.users.verifyCredentials(email, password);
    if (!user) {
      await this.attempts.recordFailure(email, address);
      throw new UnauthenticatedError('auth.invalid_credentials');
    }
    await this.attempts.clearPair(email, address);
    return this.issueToken(user);
  }

  /** A new token for the user, with an id of its own. */
  async issueToken(user: TokenSubject): Promise<LoginResultView> {
    const claims: Pick<TokenClaims, 'sub' | 'tv' | 'jti'> = {
      sub: user.id,
      tv: user.tokenVersion,
      jti: randomUUID(),
    };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.env.JWT_TTL_SECONDS,
    });
    return { accessToken, expiresIn: this.env.JWT_TTL_SECONDS, user: toSessionUser(user) };
  }

  /** The user a token belongs to, if the token is genuine, unexpired and not revoked. */
  async authenticate(token: string): Promise<TokenSubject> {
    return (await this.session(token)).user;
  }

  /** The user and the claims of a genuine, unexpired, unrevoked token. */
  async session(token: string): Promise<Session> {
    const claims = await this.verifiedClaims(token);
    const [user, revoked] = await Promise.all([
      this.subjects.subject(claims.sub, (id) => this.users.findTokenSubject(id)),
      this.revoked.isRevoked(claims.jti),
    ]);
    if (revoked || !user || !user.active || user.tokenVersion !== claims.tv) {
      throw new UnauthenticatedError('auth.token_revoked');
    }
    return { user, claims };
  }

  /**
   * Ends a token for good, in every API process. A token that is not genuine or has expired
   * needs no ending; one already revoked is ended again harmlessly.
   */
  async signOut(token: string): Promise<void> {
    let claims: TokenClaims;
    try {
      claims = await this.verifiedClaims(token);
    } catch {
      return;
    }
    this.verified.delete(token);
    await this.revoked.revoke(claims.jti, claims.sub, claims.exp);
  }

  /**
   * Changes the signed-in user's own password. Every token of the user, this one included, stops
   * working (the token version moves on); the caller gets a fresh token for this session.
   */
  async changePassword(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
  ): Promise<LoginResultView> {
    const changed = await this.users.changeOwnPassword(actor, currentPassword, newPassword);
    // Every API process forgets the user it remembered, so the old tokens fail at once.
    await this.subjects.userChanged(actor.id);
    return this.issueToken(changed);
  }

  private async verifiedClaims(token: string): Promise<TokenClaims> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && known.until > now) return known.claims;
    let payload: unknown;
    try {
      // Algorithm and issuer are fixed in the module's verify options.
      payload = await this.jwt.verifyAsync<object>(token);
    } catch {
      this.verified.delete(token);
      throw new UnauthenticatedError('auth.token_invalid');
    }
    if (!isTokenClaims(payload)) {
      throw new UnauthenticatedError('auth.token_invalid');
    }
    const claims = payload;
    const ttlMs = this.env.TOKEN_CACHE_SECONDS * 1000;
    if (ttlMs > 0) {
      if (this.verified.size >= 10_000) this.verified.clear();
      this.verified.set(token, { claims, until: Math.min(now + ttlMs, claims.exp * 1000) });
    }
    return claims;
  }
}
