import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Environment } from '@sheber/config';
import { EvictionPolicyCheck } from './eviction-policy';
import { RateLimiter } from './rate-limiter';
import { REDIS } from './redis.token';

export function createRedisClient(env: Environment): Redis {
  return new Redis(env.REDIS_URL, {
    keyPrefix: `${env.REDIS_PREFIX}:`,
    // While Redis is unreachable a command waits briefly and then fails, instead of queueing
    // without end, so that a request (and the health check) answers instead of hanging.
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }
}

/** One ioredis client for the process's own keys (rate limits and the like), prefixed. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [Environment],
      useFactory: (env: Environment) => {
        const client = createRedisClient(env);
        // Connection errors are reported by the health check; without a listener ioredis would
        // print each retry as an unhandled error event.
        client.on('error', () => undefined);
        return client;
      },
    },
    RedisCloser,
    RateLimiter,
    EvictionPolicyCheck,
  ],
  exports: [REDIS, RateLimiter, EvictionPolicyCheck],
})
export class RedisModule {}

/** Resolves once the client is connected, or rejects after `timeoutMs`. */
export async function waitForRedis(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = (): void => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}
