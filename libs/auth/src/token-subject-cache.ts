import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Environment } from '@sheber/config';
import { REDIS } from '@sheber/redis';
import type { TokenSubject } from '@sheber/users';

const CHANNEL = 'user-changed';

/**
 * Remembers, for a few seconds, the user behind each token, so that a request does not pay a
 * database round trip for the token check. A change of a user (deactivation, password, role)
 * drops the entry at once in this process and, through Redis pub/sub, in every other API
 * process; the short lifetime bounds staleness should a message be lost (Redis restarting).
 */
@Injectable()
export class TokenSubjectCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(TokenSubjectCache.name);
  private readonly entries = new Map<string, { subject: TokenSubject; until: number }>();
  /** Bumped by every invalidation: a read that raced one is not cached. */
  private generation = 0;
  private subscriber?: Redis;
  private readonly channel: string;
  private readonly ttlMs: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    env: Environment,
  ) {
    this.channel = `${env.REDIS_PREFIX}:${CHANNEL}`;
    this.ttlMs = env.TOKEN_CACHE_SECONDS * 1000;
  }

  onModuleInit(): void {
    if (this.ttlMs === 0) return;
    // A subscribed connection can do nothing else, so it is a connection of its own.
    const subscriber = this.redis.duplicate({ keyPrefix: undefined });
    subscriber.on('error', () => undefined);
    subscriber.on('message', (_channel: string, userId: string) => this.forget(userId));
    // Entries cached while the subscription was down may have missed a message.
    subscriber.on('ready', () => this.clear());
    subscriber.subscribe(this.channel).catch((error: unknown) => {
      this.logger.warn(`Cannot subscribe to user changes: ${String(error)}`);
    });
    this.subscriber = subscriber;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.subscriber) return;
    try {
      await this.subscriber.quit();
    } catch {
      this.subscriber.disconnect();
    }
  }

  /** The cached subject, or the one `load` reads (and caches unless a change raced it). */
  async subject(
    userId: string,
    load: (id: string) => Promise<TokenSubject | null>,
  ): Promise<TokenSubject | null> {
    const now = Date.now();
    const cached = this.entries.get(userId);
    if (cached && cached.until > now) return cached.subject;
    const generation = this.generation;
    const subject = await load(userId);
    if (subject && this.ttlMs > 0 && generation === this.generation) {
      if (this.entries.size > 10_000) this.entries.clear();
      this.entries.set(userId, { subject, until: now + this.ttlMs });
    }
    return subject;
  }

  /** Called after a change of the user commits: here at once, elsewhere through Redis. */
  async userChanged(userId: string): Promise<void> {
    this.forget(userId);
    if (this.ttlMs === 0) return;
    try {
      await this.redis.publish(this.channel, userId);
    } catch (error) {
      this.logger.warn(`Cannot announce a user change: ${String(error)}`);
    }
  }

  private forget(userId: string): void {
    this.generation += 1;
    this.entries.delete(userId);
  }

  private clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
