import { describe, expect, it } from '@jest/globals';
import { pairWaitSeconds, type SignInLimits, waitWords } from './sign-in-limits';

const limits: SignInLimits = {
  slowdownAfter: 3,
  maxFailures: 10,
  windowSeconds: 900,
  addressMaxFailures: 100,
  addressWindowSeconds: 60,
};

describe('pairWaitSeconds', () => {
  it('lets the first failures pass, then doubles the wait, then blocks for the window', () => {
    const waits = Array.from({ length: 11 }, (_, i) => pairWaitSeconds(i + 1, limits));
    expect(waits).toEqual([0, 0, 1, 2, 4, 8, 16, 32, 64, 900, 900]);
  });

  it('never waits longer than the window before the block', () => {
    const short = { ...limits, windowSeconds: 10 };
    expect(pairWaitSeconds(8, short)).toBe(10);
    expect(pairWaitSeconds(10, short)).toBe(10);
  });

  it('waits nothing before the block when the slowdown starts at the maximum', () => {
    const noSlowdown = { ...limits, slowdownAfter: 10 };
    expect(pairWaitSeconds(9, noSlowdown)).toBe(0);
    expect(pairWaitSeconds(10, noSlowdown)).toBe(900);
  });
});

describe('waitWords', () => {
  it('names the wait in seconds or minutes, in each language', () => {
    expect(waitWords(1).en).toBe('1 second');
    expect(waitWords(64)).toEqual({ kk: '64 секундтан', ru: '64 с', en: '64 seconds' });
    expect(waitWords(900)).toEqual({ kk: '15 минуттан', ru: '15 мин', en: '15 minutes' });
  });
});
