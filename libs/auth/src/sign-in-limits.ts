import type { Messages } from '@sheber/common';
/** The limits of failed sign-ins, from the environment. */
export interface SignInLimits {
  /** Failures of one (account, address) pair from which each further one makes it wait longer. */
  slowdownAfter: number;
  /** Failures of a pair that block it for the whole window. */
  maxFailures: number;
  /** How long a pair's failures are remembered after the last one, and how long a block lasts. */
  windowSeconds: number;
  /** Failures from one address, whatever the accounts, allowed within `addressWindowSeconds`. */
  addressMaxFailures: number;
  addressWindowSeconds: number;
}

/**
 * How long a pair must wait after its `failures`-th failure: nothing at first, then 1, 2, 4 …
 * seconds (never more than the window), then the whole window once it reaches the maximum.
 */
export function pairWaitSeconds(failures: number, limits: SignInLimits): number {
  if (failures >= limits.maxFailures) return limits.windowSeconds;
  if (failures < limits.slowdownAfter) return 0;
  return Math.min(2 ** (failures - limits.slowdownAfter), limits.windowSeconds);
}

/** The wait a refusal names, in each language (kk ready for «… кейін»): seconds, or minutes. */
export function waitWords(seconds: number): Messages {
  if (seconds < 120) {
    return {
      kk: `${seconds} секундтан`,
      ru: `${seconds} с`,
      en: `${seconds} second${seconds === 1 ? '' : 's'}`,
    };
  }
  const minutes = Math.ceil(seconds / 60);
  return { kk: `${minutes} минуттан`, ru: `${minutes} мин`, en: `${minutes} minutes` };
}
