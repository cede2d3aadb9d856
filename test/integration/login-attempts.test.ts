import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AuthRepository, LoginAttemptsService } from '../../libs/auth/src';
import { TooManyAttemptsError } from '../../libs/common/src';
import { type Environment, validateEnvironment } from '../../libs/config/src';
import { dataSourceOptions } from '../../libs/database/src';
import { createRedisClient, waitForRedis } from '../../libs/redis/src';

// The limits of failed sign-ins against the real Redis, and against PostgreSQL when Redis is
// unreachable: per (account, address) pair, and per address across accounts.
describe('LoginAttemptsService', () => {
  let env: Environment;
  let redis: Redis;
  let closedRedis: Redis;
  let dataSource: DataSource;
  let withRedis: LoginAttemptsService;
  let withoutRedis: LoginAttemptsService;

  beforeAll(async () => {
    env = validateEnvironment(process.env);
    redis = createRedisClient(env);
    await waitForRedis(redis, 5000);
    // Nothing listens on port 1: this client never becomes ready.
    closedRedis = createRedisClient({ ...env, REDIS_URL: 'redis://127.0.0.1:1' });
    closedRedis.on('error', () => undefined);
    dataSource = new DataSource(dataSourceOptions({ url: process.env.DATABASE_URL!, poolSize: 2 }));
    await dataSource.initialize();
    const repository = new AuthRepository(dataSource);
    withRedis = new LoginAttemptsService(redis, dataSource, repository, env);
    withoutRedis = new LoginAttemptsService(closedRedis, dataSource, repository, env);
  });
  afterAll(async () => {
    await redis.quit();
    closedRedis.disconnect();
    await dataSource.destroy();
  });

  const email = (): string => `${randomUUID()}@test.sheber.kz`;
  const address = (): string =>
    `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

  /** The wait a refusal names, or 0 when the attempt may go ahead. */
  async function waitOf(
    attempts: LoginAttemptsService,
    account: string,
    from: string,
  ): Promise<number> {
    try {
      await attempts.assertNotLocked(account, from);
      return 0;
    } catch (error) {
      expect(error).toBeInstanceOf(TooManyAttemptsError);
      const refusal = error as TooManyAttemptsError;
      expect(refusal.code).toBe('auth.too_many_attempts');
      expect(refusal.message).toMatch(/try again in \d+ (second|seconds|minutes)$/);
      return refusal.retryAfterSeconds;
    }
  }

  describe.each([
    ['Redis', () => withRedis],
    ['PostgreSQL, while Redis is unreachable', () => withoutRedis],
  ])('counted in %s', (_where, attemptsOf) => {
    it('slows the pair down from the 3rd failure, then blocks it for the window at the 10th', async () => {
      const attempts = attemptsOf();
      const account = email();
      const from = address();
      await attempts.recordFailure(account, from);
      await attempts.recordFailure(account, from);
      expect(await waitOf(attempts, account, from)).toBe(0);
      await attempts.recordFailure(account, from);
      expect(await waitOf(attempts, account, from)).toBe(1);
      for (let i = 4; i <= 9; i += 1) await attempts.recordFailure(account, from);
      expect(await waitOf(attempts, account, from)).toBe(64);
      await attempts.recordFailure(account, from);
      expect(await waitOf(attempts, account, from)).toBe(env.LOGIN_FAILURE_WINDOW_SECONDS);
    });

    it('never holds back the same account from another address', async () => {
      const attempts = attemptsOf();
      const account = email();
      const from = address();
      for (let i = 0; i < 10; i += 1) await attempts.recordFailure(account, from);
      expect(await waitOf(attempts, account, from)).toBeGreaterThan(0);
      expect(await waitOf(attempts, account, address())).toBe(0);
      expect(await waitOf(attempts, email(), from)).toBe(0);
    });

    it('lets one address fail on 100 accounts within a minute, and refuses it after', async () => {
      const attempts = attemptsOf();
      const from = address();
      for (let i = 0; i < 99; i += 1) await attempts.recordFailure(email(), from);
      expect(await waitOf(attempts, email(), from)).toBe(0);
      await attempts.recordFailure(email(), from);
      const wait = await waitOf(attempts, email(), from);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(env.LOGIN_ADDRESS_WINDOW_SECONDS);
      expect(await waitOf(attempts, email(), address())).toBe(0);
    });

    it('forgets the pair once it signs in', async () => {
      const attempts = attemptsOf();
      const account = email();
      const from = address();
      for (let i = 0; i < 10; i += 1) await attempts.recordFailure(account, from);
      expect(await waitOf(attempts, account, from)).toBeGreaterThan(0);
      await attempts.clearPair(account, from);
      expect(await waitOf(attempts, account, from)).toBe(0);
    });
  });

  it('stores no email or address, in Redis or PostgreSQL', async () => {
    const account = email();
    const from = address();
    await withRedis.recordFailure(account, from);
    await withoutRedis.recordFailure(account, from);
    const redisKeys = await redis.keys(`${env.REDIS_PREFIX}:login-failures:*`);
    expect(redisKeys.length).toBeGreaterThan(0);
    const rows = await dataSource.query<{ key: string }[]>('SELECT key FROM login_failures');
    for (const key of [...redisKeys, ...rows.map((row) => row.key)]) {
      expect(key).not.toContain(account);
      expect(key).not.toContain(from);
    }
  });

  it('forgets failures when the window ends', async () => {
    const account = email();
    const from = address();
    for (let i = 0; i < 10; i += 1) await withoutRedis.recordFailure(account, from);
    expect(await waitOf(withoutRedis, account, from)).toBeGreaterThan(0);
    // End the window now instead of waiting for it.
    await dataSource.query(
      `UPDATE login_failures SET expires_at = now() - interval '1 second',
                                 blocked_until = now() - interval '1 second'`,
    );
    expect(await waitOf(withoutRedis, account, from)).toBe(0);
  });
});
