import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UnauthenticatedError } from '@sheber/common';
import { Environment } from '@sheber/config';
import { TokenSubject, UsersService } from '@sheber/users';
import { LoginResultView, SessionUserView } from './dto/login.dto';
import { LoginAttemptsService } from './login-attempts.service';
import { TokenSubjectCache } from './token-subject-cache';

interface TokenClaims {
  sub: string;
  /** The user's token version when the token was made; a newer version revokes it. */
  tv: number;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export function toSessionUser(user: TokenSubject): SessionUserView {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    employmentCenterId: user.employmentCenterId,
  };
}

@Injectable()
export class AuthService {
  /**
   * Tokens whose signature was checked in the last few seconds (TOKEN_CACHE_SECONDS), never past
   * their expiry: a token's claims cannot change, and checking costs a decode, two JSON parses and
   * an HMAC on every request. Revocation is the subject's business (token version, active), which
   * TokenSubjectCache keeps current.
   */
  private readonly verified = new Map<string, { claims: TokenClaims; until: number }>();

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly attempts: LoginAttemptsService,
    private readonly env: Environment,
    private readonly subjects: TokenSubjectCache,
  ) {
    users.onUserChanged((id) => this.subjects.userChanged(id));
  }

  async login(email: string, password: string, address: string): Promise<LoginResultView> {
    await this.attempts.assertNotLocked(email, address);
    const user = await this.users.verifyCredentials(email, password);
    if (!user) {
      await this.attempts.recordFailure(email, address);
      throw new UnauthenticatedError('Wrong email or password');
    }
    await this.attempts.clearAccount(email, address);
    const claims: Omit<TokenClaims, 'exp'> = { sub: user.id, tv: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.env.JWT_TTL_SECONDS,
    });
    return { accessToken, expiresIn: this.env.JWT_TTL_SECONDS, user: toSessionUser(user) };
  }

  /** The user a token belongs to, if the token is genuine, unexpired and not revoked. */
  async authenticate(token: string): Promise<TokenSubject> {
    const claims = await this.verifiedClaims(token);
    const user =
      typeof claims.sub === 'string'
        ? await this.subjects.subject(claims.sub, (id) => this.users.findTokenSubject(id))
        : null;
    if (!user || !user.active || user.tokenVersion !== claims.tv) {
      throw new UnauthenticatedError('The access token has been revoked');
    }
    return user;
  }

  private async verifiedClaims(token: string): Promise<TokenClaims> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && known.until > now) return known.claims;
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      this.verified.delete(token);
      throw new UnauthenticatedError('The access token is invalid or has expired');
    }
    const ttlMs = this.env.TOKEN_CACHE_SECONDS * 1000;
    if (ttlMs > 0) {
      if (this.verified.size >= 10_000) this.verified.clear();
      this.verified.set(token, { claims, until: Math.min(now + ttlMs, claims.exp * 1000) });
    }
    return claims;
  }
}
