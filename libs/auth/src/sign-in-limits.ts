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

/** The refusal's sentence, naming the wait. */
export function waitMessage(seconds: number): string {
  const wait =
    seconds < 120
      ? `${seconds} second${seconds === 1 ? '' : 's'}`
      : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed sign-in attempts; try again in ${wait}`;
}
