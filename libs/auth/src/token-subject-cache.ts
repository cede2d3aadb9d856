import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Environment } from '@sheber/config';
import { REDIS } from '@sheber/redis';
import type { TokenSubject } from '@sheber/users';

/** Counts the changes of one user; the value only ever moves on. */
const stampKey = (userId: string): string => `user-changed:${userId}`;

/** What a process remembers of a user, and the user's change count in Redis when it read it. */
interface Entry {
  subject: TokenSubject;
  until: number;
  /** The change count read before the user was loaded: null (none yet), undefined (unknown). */
  stamp: string | null | undefined;
}

/**
 * Remembers, for a few seconds, the user behind each token, so that a request does not pay a
 * database round trip for the token check. A change of a user (deactivation, password, role)
 * moves the user's change count in Redis on, after its commit; each request reads that count in
 * the round trip that checks the token's revocation, and a remembered user whose count has moved
 * is read again. So every API process sees the change on its very next request. Without Redis,
 * the process that made the change forgets at once and the others within TOKEN_CACHE_SECONDS.
 */
@Injectable()
export class TokenSubjectCache {
  private readonly logger = new Logger(TokenSubjectCache.name);
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every change seen here: a read that raced one is not remembered. */
  private generation = 0;
  private readonly ttlMs: number;
  /** Long enough that no process still remembers a user read before the count moved. */
  private readonly stampSeconds: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    env: Environment,
  ) {
    this.ttlMs = env.TOKEN_CACHE_SECONDS * 1000;
    this.stampSeconds = Math.max(60, env.TOKEN_CACHE_SECONDS * 4);
  }

  /** The remembered subject while its change count stands, or the one `load` reads. */
  async subject(
    userId: string,
    load: (id: string) => Promise<TokenSubject | null>,
  ): Promise<TokenSubject | null> {
    if (this.ttlMs === 0) return load(userId);
    const now = Date.now();
    const stamp = await this.stamp(userId);
    const cached = this.entries.get(userId);
    // An unknown count (Redis away) trusts the entry until it expires.
    if (cached && cached.until > now && (stamp === undefined || stamp === cached.stamp)) {
      return cached.subject;
    }
    const generation = this.generation;
    const subject = await load(userId);
    if (subject && generation === this.generation) {
      if (this.entries.size > 10_000) this.entries.clear();
      this.entries.set(userId, { subject, until: now + this.ttlMs, stamp });
    }
    return subject;
  }

  /** Called after a change of the user commits: here at once, in every process through Redis. */
  async userChanged(userId: string): Promise<void> {
    this.generation += 1;
    this.entries.delete(userId);
    if (this.ttlMs === 0) return;
    try {
      await this.redis
        .multi()
        .incr(stampKey(userId))
        .expire(stampKey(userId), this.stampSeconds)
        .exec();
    } catch (error) {
      this.logger.warn(`Cannot announce a user change: ${String(error)}`);
    }
  }

  /** The user's change count in Redis: null when none is kept, undefined when Redis cannot say. */
  private async stamp(userId: string): Promise<string | null | undefined> {
    if (this.redis.status !== 'ready') return undefined;
    try {
      return await this.redis.get(stampKey(userId));
    } catch {
      return undefined;
    }
  }
}
