import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { REDIS } from './redis.token';

export interface RateLimitResult {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

// Counts a hit in a fixed window that starts at the first hit; atomic, so a limit holds across any
// number of API processes.
const HIT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }
`;

/**
 * Fixed-window rate limits kept in Redis. While Redis is unreachable each process counts on its
 * own, so a limit still holds per process and the routes behind it keep answering.
 */
@Injectable()
export class RateLimiter {
  private readonly local = new Map<string, { hits: number; until: number }>();

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    let counted: [number, number] | undefined;
    if (this.redis.status === 'ready') {
      try {
        counted = (await this.redis.eval(
          HIT_SCRIPT,
          1,
          `rate:${key}`,
          String(windowSeconds * 1000),
        )) as [number, number];
      } catch {
        // counted below, in this process
      }
    }
    const [hits, ttlMs] = counted ?? this.hitLocally(key, windowSeconds);
    return {
      allowed: hits <= limit,
      hits,
      retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
    };
  }

  private hitLocally(key: string, windowSeconds: number): [number, number] {
    const now = Date.now();
    let window = this.local.get(key);
    if (!window || window.until <= now) {
      if (this.local.size >= 10_000) {
        for (const [k, w] of this.local) if (w.until <= now) this.local.delete(k);
        if (this.local.size >= 10_000) this.local.clear();
      }
      window = { hits: 0, until: now + windowSeconds * 1000 };
      this.local.set(key, window);
    }
    window.hits += 1;
    return [window.hits, window.until - now];
  }
}
