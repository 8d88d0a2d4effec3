// When a failed delivery is tried again: exponential from a base (1 s) doubling to a cap (5 min), with jitter.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** How long after the first attempt a delivery keeps being retried before it is `failed`. */
  giveUpAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 1_000,
  capMs: 5 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
};

/**
 * The delay before attempt `attempts + 1`, given `attempts` failures so far. Jitter picks a delay between
 * half and all of the exponential step, so replicas retrying the same target do not line up.
 */
export function retryDelayMs(attempts: number, policy: BackoffPolicy, random: () => number): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
