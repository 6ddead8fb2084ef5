/** Exponential backoff with full jitter: the n-th retry in a row waits a uniform draw below base·2ⁿ⁻¹, capped. */
export interface BackoffPolicy {
  /** The ceiling of the first retry's draw. */
  baseMs: number;
  /** No draw is ever above this. */
  capMs: number;
}

/** The delay before retry number `failures` (1 for the first retry); `random` returns [0, 1). */
export function fullJitterDelay(policy: BackoffPolicy, failures: number, random: () => number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
