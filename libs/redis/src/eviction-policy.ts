import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Redis } from 'ioredis';
import { REDIS } from './redis.token';

/** The one policy under which Redis never drops queued jobs or rate-limit counters. */
export const REQUIRED_EVICTION_POLICY = 'noeviction';

/**
 * Redis's `maxmemory-policy`, read from `INFO memory` (allowed where `CONFIG GET` is disabled, as
 * on managed Redis), or null when Redis does not say.
 */
export async function readEvictionPolicy(redis: Redis): Promise<string | null> {
  const info = await redis.info('memory');
  const match = /^maxmemory_policy:(\S+)/m.exec(info);
  return match?.[1] ?? null;
}

/**
 * Says at start, and after each reconnect to a Redis whose policy changed, when Redis may evict
 * keys: BullMQ's jobs would vanish (the sweeper queues their certificates again, a minute late)
 * and rate limits would forget. Does not hold up the start while Redis is away.
 */
@Injectable()
export class EvictionPolicyCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Redis');
  private lastReported?: string;

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationBootstrap(): void {
    this.redis.on('ready', () => void this.check());
    if (this.redis.status === 'ready') void this.check();
  }

  async check(): Promise<string | null> {
    try {
      const policy = await readEvictionPolicy(this.redis);
      if (policy && policy !== this.lastReported) {
        this.lastReported = policy;
        if (policy !== REQUIRED_EVICTION_POLICY) {
          this.logger.error(
            `Redis maxmemory-policy is ${policy}, not ${REQUIRED_EVICTION_POLICY}: Redis may evict ` +
              `queued jobs and rate-limit counters. Set "maxmemory-policy ${REQUIRED_EVICTION_POLICY}".`,
          );
        }
      }
      return policy;
    } catch {
      // Redis went away again; the next 'ready' checks once more.
      return null;
    }
  }
}
