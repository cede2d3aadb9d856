import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { TooManyAttemptsError } from '@sheber/common';
import { Environment } from '@sheber/config';
import { REDIS } from '@sheber/redis';

/**
 * Counts failed sign-ins per account and per address in Redis, so the limit holds across API
 * processes. After LOGIN_MAX_FAILURES failures within the window, further attempts for that
 * account or from that address are refused until the window ends, even with the right password.
 */
@Injectable()
export class LoginAttemptsService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly env: Environment,
  ) {}

  private keys(email: string, address: string): [string, string] {
    return [`login-failures:account:${email.trim().toLowerCase()}`, `login-failures:ip:${address}`];
  }

  async assertNotLocked(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    const counts = await this.redis.mget(...keys);
    const locked = counts.findIndex((count) => Number(count ?? 0) >= this.env.LOGIN_MAX_FAILURES);
    if (locked === -1) return;
    const ttl = await this.redis.pttl(keys[locked] as string);
    throw new TooManyAttemptsError(
      'Too many failed sign-in attempts; try again later',
      Math.max(1, Math.ceil(ttl / 1000)),
    );
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const window = this.env.LOGIN_FAILURE_WINDOW_SECONDS;
    const pipeline = this.redis.multi();
    for (const key of this.keys(email, address)) {
      pipeline.incr(key).expire(key, window, 'NX');
    }
    await pipeline.exec();
  }

  /** A successful sign-in clears the account's count (not the address's: others share it). */
  async clearAccount(email: string, address: string): Promise<void> {
    await this.redis.del(this.keys(email, address)[0]);
  }
}
