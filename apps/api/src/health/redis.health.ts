import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { readEvictionPolicy, REDIS, REQUIRED_EVICTION_POLICY } from '@sheber/redis';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async pingCheck(key: 'redis', timeoutMs = 1000) {
    const indicator = this.indicators.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
      });
      const maxmemoryPolicy = await Promise.race([
        this.redis.ping().then(() => readEvictionPolicy(this.redis)),
        timeout,
      ]);
      // Up, but an eviction policy that may drop queued jobs is reported (see README, Health).
      return indicator.up({
        maxmemoryPolicy,
        ok: maxmemoryPolicy === null || maxmemoryPolicy === REQUIRED_EVICTION_POLICY,
      });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : 'unreachable' });
    } finally {
      clearTimeout(timer);
    }
  }
}
