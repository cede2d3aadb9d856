import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { TooManyAttemptsError } from '@sheber/common';
import { Environment } from '@sheber/config';
import { REDIS } from '@sheber/redis';
import { AuthRepository } from './auth.repository';
import { pairWaitSeconds, type SignInLimits, waitWords } from './sign-in-limits';

export const TOO_MANY_ATTEMPTS = 'auth.too_many_attempts';

// Counts a failure of the pair (a hash: `n` failures, blocked `until` a moment in ms) and of the
// address (a counter), atomically. ARGV: now, pair window, address window, then the wait in ms
// after the 1st, 2nd … failure, the last repeating.
const RECORD_FAILURE_SCRIPT = `
local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
local wait = tonumber(ARGV[3 + math.min(n, #ARGV - 3)])
if wait > 0 then redis.call('HSET', KEYS[1], 'until', tonumber(ARGV[1]) + wait) end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
return n
`;

interface Keys {
  pair: string;
  address: string;
}

interface LimitState {
  /** Moment (ms) before which the pair may not try again; 0 if none. */
  pairBlockedUntil: number;
  addressFailures: number;
  /** Moment (ms) the address's count is forgotten. */
  addressResetsAt: number;
}

/**
 * Failed sign-ins, counted per (account, address) pair and per address, across API processes.
 * A pair slows down and is then blocked (see `pairWaitSeconds`); an address alone is limited more
 * loosely, for an office behind one address. Failures from one address never hold back the right
 * password from another. Redis counts; while it is unreachable, PostgreSQL does (`login_failures`),
 * so sign-in keeps working. Keys are HMACs: neither emails nor addresses are stored.
 */
@Injectable()
export class LoginAttemptsService {
  private readonly logger = new Logger(LoginAttemptsService.name);
  private readonly limits: SignInLimits;
  private readonly waitsMs: string[];

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AuthRepository,
    private readonly env: Environment,
  ) {
    this.limits = {
      slowdownAfter: env.LOGIN_SLOWDOWN_AFTER,
      maxFailures: env.LOGIN_MAX_FAILURES,
      windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
      addressMaxFailures: env.LOGIN_ADDRESS_MAX_FAILURES,
      addressWindowSeconds: env.LOGIN_ADDRESS_WINDOW_SECONDS,
    };
    this.waitsMs = Array.from({ length: this.limits.maxFailures }, (_, i) =>
      String(pairWaitSeconds(i + 1, this.limits) * 1000),
    );
  }

  private keys(email: string, address: string): Keys {
    const hash = (text: string): string =>
      createHmac('sha256', this.env.JWT_SECRET).update(text).digest('base64url');
    return {
      pair: `pair:${hash(`${email.trim().toLowerCase()}\n${address}`)}`,
      address: `address:${hash(address)}`,
    };
  }

  /** Refuses with 429 (and the wait) while the pair or the address is held back. */
  async assertNotLocked(email: string, address: string): Promise<void> {
    const state = await this.withFallback(
      (keys) => this.stateInRedis(keys),
      (keys) => this.stateInDatabase(keys),
      this.keys(email, address),
    );
    const now = Date.now();
    let waitMs = 0;
    if (state.pairBlockedUntil > now) waitMs = state.pairBlockedUntil - now;
    if (state.addressFailures >= this.limits.addressMaxFailures) {
      waitMs = Math.max(waitMs, state.addressResetsAt - now);
    }
    if (waitMs <= 0) return;
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new TooManyAttemptsError(TOO_MANY_ATTEMPTS, seconds, { wait: waitWords(seconds) });
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await this.withFallback(
      (keys) => this.recordInRedis(keys),
      (keys) => this.recordInDatabase(keys),
      this.keys(email, address),
    );
  }

  /** A successful sign-in clears the pair's count (not the address's: others share it). */
  async clearPair(email: string, address: string): Promise<void> {
    const { pair } = this.keys(email, address);
    // Counts of an outage stay in PostgreSQL until they expire or the pair signs in.
    await this.repository.deleteLoginFailures(pair);
    if (this.redis.status !== 'ready') return;
    try {
      await this.redis.del(`login-failures:${pair}`);
    } catch (error) {
      this.logger.warn(`Cannot clear failed sign-ins in Redis: ${String(error)}`);
    }
  }

  /** Redis when it is connected and answers, else PostgreSQL; never waits for a reconnection. */
  private async withFallback<T>(
    inRedis: (keys: Keys) => Promise<T>,
    inDatabase: (keys: Keys) => Promise<T>,
    keys: Keys,
  ): Promise<T> {
    if (this.redis.status === 'ready') {
      try {
        return await inRedis(keys);
      } catch (error) {
        this.logger.warn(`Failed sign-ins are counted in PostgreSQL: ${String(error)}`);
      }
    }
    return inDatabase(keys);
  }

  private async stateInRedis(keys: Keys): Promise<LimitState> {
    const results = await this.redis
      .multi()
      .hget(`login-failures:${keys.pair}`, 'until')
      .get(`login-failures:${keys.address}`)
      .pttl(`login-failures:${keys.address}`)
      .exec();
    if (!results || results.some(([error]) => error)) throw new Error('Redis refused a read');
    const [[, until], [, failures], [, ttl]] = results as [
      [null, string | null],
      [null, string | null],
      [null, number],
    ];
    return {
      pairBlockedUntil: Number(until ?? 0),
      addressFailures: Number(failures ?? 0),
      addressResetsAt: Date.now() + Math.max(0, ttl),
    };
  }

  private async recordInRedis(keys: Keys): Promise<void> {
    await this.redis.eval(
      RECORD_FAILURE_SCRIPT,
      2,
      `login-failures:${keys.pair}`,
      `login-failures:${keys.address}`,
      String(Date.now()),
      String(this.limits.windowSeconds * 1000),
      String(this.limits.addressWindowSeconds * 1000),
      ...this.waitsMs,
    );
  }

  private async stateInDatabase(keys: Keys): Promise<LimitState> {
    const rows = await this.repository.loginFailures(keys.pair, keys.address);
    const pair = rows.find((row) => row.key === keys.pair);
    const address = rows.find((row) => row.key === keys.address);
    return {
      pairBlockedUntil: pair?.blocked_until?.getTime() ?? 0,
      addressFailures: address?.failures ?? 0,
      addressResetsAt: address?.expires_at.getTime() ?? 0,
    };
  }

  private async recordInDatabase(keys: Keys): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // The pair's count lives for the window after its last failure; the address's for the
      // window after its first.
      const failures = await this.repository.countPairFailure(
        manager,
        keys.pair,
        this.limits.windowSeconds,
      );
      const waitSeconds = pairWaitSeconds(failures ?? 1, this.limits);
      if (waitSeconds > 0) await this.repository.blockPair(manager, keys.pair, waitSeconds);
      await this.repository.countAddressFailure(
        manager,
        keys.address,
        this.limits.addressWindowSeconds,
      );
      await this.repository.deleteExpiredLoginFailures(manager);
    });
  }
}
