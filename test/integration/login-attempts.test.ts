import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { LoginAttemptsService } from '../../libs/auth/src';
import { TooManyAttemptsError } from '../../libs/common/src';
import { validateEnvironment } from '../../libs/config/src';
import { createRedisClient, waitForRedis } from '../../libs/redis/src';

// The limit of failed sign-ins, against the real Redis: per account across addresses, and per
// address across accounts.
describe('LoginAttemptsService', () => {
  let redis: Redis;
  let attempts: LoginAttemptsService;

  beforeAll(async () => {
    const env = validateEnvironment(process.env);
    redis = createRedisClient(env);
    await waitForRedis(redis, 5000);
    attempts = new LoginAttemptsService(redis, env);
  });
  afterAll(async () => {
    await redis.quit();
  });

  async function isLocked(email: string, address: string): Promise<boolean> {
    try {
      await attempts.assertNotLocked(email, address);
      return false;
    } catch (error) {
      expect(error).toBeInstanceOf(TooManyAttemptsError);
      return true;
    }
  }

  it('locks an account after 10 failures from 10 different addresses', async () => {
    const email = `${randomUUID()}@test.sheber.kz`;
    for (let i = 0; i < 10; i += 1) {
      expect(await isLocked(email, `10.0.0.${i}`)).toBe(false);
      await attempts.recordFailure(email, `10.0.0.${i}`);
    }
    expect(await isLocked(email, '10.0.1.1')).toBe(true);
    expect(await isLocked(`${randomUUID()}@test.sheber.kz`, '10.0.1.1')).toBe(false);
  });

  it('locks an address after 10 failures on 10 different accounts', async () => {
    const address = `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 10; i += 1) {
      await attempts.recordFailure(`${randomUUID()}@test.sheber.kz`, address);
    }
    expect(await isLocked(`${randomUUID()}@test.sheber.kz`, address)).toBe(true);
    expect(await isLocked(`${randomUUID()}@test.sheber.kz`, '10.2.0.1')).toBe(false);
  });

  it('forgets failures when the window ends', async () => {
    const email = `${randomUUID()}@test.sheber.kz`;
    for (let i = 0; i < 10; i += 1) await attempts.recordFailure(email, '10.3.0.1');
    expect(await isLocked(email, '10.3.0.2')).toBe(true);
    // Expire the window now instead of waiting a minute.
    const keys = await redis.keys(`${process.env.REDIS_PREFIX}:login-failures:account:${email}`);
    expect(keys).toHaveLength(1);
    await redis.pexpire(keys[0]!.slice(`${process.env.REDIS_PREFIX}:`.length), 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await isLocked(email, '10.3.0.2')).toBe(false);
  });
});
