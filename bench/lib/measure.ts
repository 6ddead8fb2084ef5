/** Runs `fn` `warmup` times unmeasured, then `reps` times, and returns each run's milliseconds. */
export async function sampleMs(
  fn: () => Promise<unknown>,
  { reps, warmup = 1 }: { reps: number; warmup?: number },
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) samples.push(await timeMs(fn));
  return samples;
}

export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** The value below which `p` percent of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (samples: readonly number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The process's peak resident set so far, in MB: it covers everything the benchmark ran in process. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
