import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '@sheber/redis';
import { AuthRepository } from './auth.repository';

/** Redis key of a revoked token id; it lives as long as the token would have. */
const revokedKey = (jti: string): string => `revoked-token:${jti}`;
/**
 * Present while Redis is known to hold every revoked id of PostgreSQL. Redis restarted empty, or
 * the key expired: the next check copies the ids again. Its lifetime bounds how long a revocation
 * whose Redis write failed (Redis unreachable from one process only) can go unseen by others.
 */
const SYNCED_KEY = 'revoked-tokens:synced';
const SYNCING_KEY = 'revoked-tokens:syncing';
const SYNCED_SECONDS = 10;

/**
 * Token ids ended before their expiry (sign-out), across every API process. PostgreSQL is the
 * record; Redis answers the check of every request. While Redis is unreachable, or while it may
 * lack ids (see SYNCED_KEY), the check reads PostgreSQL instead.
 */
@Injectable()
export class RevokedTokens {
  private readonly logger = new Logger(RevokedTokens.name);
  private syncing?: Promise<void>;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly repository: AuthRepository,
  ) {}

  /** Ends the token `jti` of `userId`, which expires at `expiresAt` (seconds since the epoch). */
  async revoke(jti: string, userId: string, expiresAt: number): Promise<void> {
    await this.repository.insertRevokedToken(jti, userId, expiresAt);
    const remainingMs = expiresAt * 1000 - Date.now();
    if (remainingMs <= 0 || this.redis.status !== 'ready') return;
    try {
      await this.redis.set(revokedKey(jti), '1', 'PX', remainingMs);
    } catch (error) {
      this.logger.warn(`Cannot copy a revoked token to Redis: ${String(error)}`);
    }
  }

  async isRevoked(jti: string): Promise<boolean> {
    if (this.redis.status === 'ready') {
      try {
        const [revoked, synced] = await this.redis
          .multi()
          .exists(revokedKey(jti))
          .exists(SYNCED_KEY)
          .exec()
          .then((results) => (results ?? []).map(([, value]) => Number(value)));
        if (revoked === 1) return true;
        if (synced === 1) return false;
        this.syncing ??= this.copyToRedis().finally(() => (this.syncing = undefined));
      } catch {
        // Redis failed mid-way: PostgreSQL answers.
      }
    }
    return this.repository.isTokenRevoked(jti);
  }

  /** Copies every unexpired revoked id to Redis and marks Redis complete; drops expired rows. */
  private async copyToRedis(): Promise<void> {
    try {
      const mine = await this.redis.set(SYNCING_KEY, '1', 'PX', 5000, 'NX');
      if (mine !== 'OK') return;
      await this.repository.deleteExpiredRevokedTokens();
      const rows = await this.repository.unexpiredRevokedTokens();
      const pipeline = this.redis.multi();
      for (const row of rows) {
        pipeline.set(revokedKey(row.jti), '1', 'PX', Math.max(1, Number(row.remaining_ms)));
      }
      pipeline.set(SYNCED_KEY, '1', 'EX', SYNCED_SECONDS).del(SYNCING_KEY);
      await pipeline.exec();
    } catch (error) {
      this.logger.warn(`Cannot copy revoked tokens to Redis: ${String(error)}`);
    }
  }
}
