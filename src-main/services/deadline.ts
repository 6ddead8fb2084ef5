/** The register did not answer in time. */
export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms / 1000} s`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * A time limit and the caller's abort for one network exchange, kept by us rather than trusted to
 * `fetch`: `race()` gives up the moment either fires, whether or not the HTTP client noticed its
 * signal (Node's fetch can lose a followed signal to garbage collection — nodejs/node#55428), so no
 * sync, download or sign-out ever waits on a connection that went silent.
 */
export interface Deadline {
  /** Pass to fetch: it is aborted when the deadline passes or the caller aborts. */
  readonly signal: AbortSignal;
  /** Settles like `work`, or rejects with the abort reason as soon as either fires. */
  race<T>(work: Promise<T>): Promise<T>;
  timedOut(): boolean;
  /** Progress was made (a chunk arrived): the limit starts again, so it bounds silence, not size. */
  refresh(): void;
  /** Stops the timer and lets go of the caller's signal; call when the exchange is over. */
  dispose(): void;
}

export function startDeadline(ms: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const expire = (): void => {
    timedOut = true;
    controller.abort(new DeadlineExceeded(ms));
  };
  const timer = setTimeout(expire, ms);
  const forward = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) forward();
  else outer?.addEventListener('abort', forward, { once: true });
  const gaveUp = new Promise<never>((_, reject) => {
    const fail = (): void => reject(controller.signal.reason);
    if (controller.signal.aborted) fail();
    else controller.signal.addEventListener('abort', fail, { once: true });
  });
  // Nobody may be racing when it fires (the exchange is over): that is not an error.
  gaveUp.catch(() => undefined);
  return {
    signal: controller.signal,
    race: (work) => Promise.race([work, gaveUp]),
    timedOut: () => timedOut,
    refresh() {
      if (!controller.signal.aborted) timer.refresh();
    },
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forward);
    },
  };
}

/**
 * Waits for `work` at most `ms`; past that `onLate` is told and the wait ends (the work goes on, its
 * result unused). For shutting down background work that must not hold up locking the app.
 */
export async function settleWithin(work: Promise<unknown>, ms: number, onLate: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    const outcome = await Promise.race([
      work.then(
        () => 'done' as const,
        () => 'done' as const,
      ),
      late,
    ]);
    if (outcome === 'late') onLate();
  } finally {
    clearTimeout(timer);
  }
}
