import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A row of `login_failures`, as the sign-in check reads it. */
export interface LoginFailureRow {
  key: string;
  failures: number;
  blocked_until: Date | null;
  expires_at: Date;
}

/**
 * The only code that names `revoked_tokens` (sign-out, see RevokedTokens) and `login_failures`
 * (failed sign-ins while Redis is away, see LoginAttemptsService). Both are PostgreSQL's copy
 * of what Redis answers from while it is up.
 */
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Revoked tokens.

  /** Records the revocation of token `jti`, which expires at `expiresAt` (seconds since the epoch). */
  async insertRevokedToken(jti: string, userId: string, expiresAt: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO revoked_tokens (jti, user_id, expires_at) VALUES ($1, $2, to_timestamp($3))
       ON CONFLICT (jti) DO NOTHING`,
      [jti, userId, expiresAt],
    );
  }

  async isTokenRevoked(jti: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM revoked_tokens WHERE jti = $1',
      [jti],
    );
    return rows.length > 0;
  }

  async deleteExpiredRevokedTokens(): Promise<void> {
    await this.dataSource.query('DELETE FROM revoked_tokens WHERE expires_at <= now()');
  }

  /** Every unexpired revoked token id, with the milliseconds it has left. */
  async unexpiredRevokedTokens(): Promise<{ jti: string; remaining_ms: string }[]> {
    return this.dataSource.query<{ jti: string; remaining_ms: string }[]>(
      `SELECT jti, ceil(extract(epoch FROM expires_at - now()) * 1000)::bigint AS remaining_ms
         FROM revoked_tokens WHERE expires_at > now()`,
    );
  }

  // Failed sign-ins.

  /** The unexpired counts of a pair and of an address. */
  async loginFailures(pairKey: string, addressKey: string): Promise<LoginFailureRow[]> {
    return this.dataSource.query<LoginFailureRow[]>(
      `SELECT key, failures, blocked_until, expires_at FROM login_failures
        WHERE key IN ($1, $2) AND expires_at > now()`,
      [pairKey, addressKey],
    );
  }

  /**
   * Counts one failure of a pair, which lives for `windowSeconds` after its last failure (a
   * count already expired starts again at 1, unblocked); the pair's failures so far.
   */
  async countPairFailure(
    manager: EntityManager,
    key: string,
    windowSeconds: number,
  ): Promise<number | undefined> {
    const [pair] = await manager.query<{ failures: number }[]>(
      `INSERT INTO login_failures AS f (key, failures, expires_at)
            VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE
               SET failures = CASE WHEN f.expires_at <= now() THEN 1 ELSE f.failures + 1 END,
                   blocked_until = CASE WHEN f.expires_at <= now() THEN NULL ELSE f.blocked_until END,
                   expires_at = now() + make_interval(secs => $2)
       RETURNING failures`,
      [key, windowSeconds],
    );
    return pair?.failures;
  }

  /** Blocks the pair for `waitSeconds` from now. */
  async blockPair(manager: EntityManager, key: string, waitSeconds: number): Promise<void> {
    await manager.query(
      `UPDATE login_failures SET blocked_until = now() + make_interval(secs => $2)
        WHERE key = $1`,
      [key, waitSeconds],
    );
  }

  /** Counts one failure of an address, which lives for `windowSeconds` after its first failure. */
  async countAddressFailure(
    manager: EntityManager,
    key: string,
    windowSeconds: number,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO login_failures AS f (key, failures, expires_at)
            VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE
               SET failures = CASE WHEN f.expires_at <= now() THEN 1 ELSE f.failures + 1 END,
                   expires_at = CASE WHEN f.expires_at <= now()
                                     THEN now() + make_interval(secs => $2)
                                     ELSE f.expires_at END`,
      [key, windowSeconds],
    );
  }

  async deleteExpiredLoginFailures(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM login_failures WHERE expires_at < now()');
  }

  async deleteLoginFailures(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failures WHERE key = $1', [key]);
  }
}
