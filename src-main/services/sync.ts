import { AppError, type SyncStatus } from '../../src-shared/contract/index.js';
import type { SyncChange, SyncFeedChange } from '../../src-shared/register-api/index.js';
import { type BackoffPolicy, fullJitterDelay } from './backoff.js';
import type { EventBus } from './events.js';
import type { RegisterClient } from './register-client.js';
import type { ActiveSession } from './session.js';
import { applyPullPage, beginSweep, epochChanged, readSyncState } from './store/access-sweep.js';
import { countCases, readLastSuccess, recordSuccess } from './store/case-store.js';
import { applyPulledAnnotation, dropAnnotationsOfCases } from './store/annotations-store.js';
import { applyPulledNote } from './store/notes-store.js';
import { type OutboxStatus, outboxStatus } from './store/outbox.js';

const isCaseChange = (change: SyncFeedChange): change is SyncChange =>
  change.kind === 'case' || change.kind === 'case-removed';

/** Pulls the register's changes for the signed-in user into their cache. */
export interface SyncEngine {
  status(): SyncStatus;
  /** Pulls until the register has nothing more; concurrent callers share the running pull. */
  pull(): Promise<SyncStatus>;
  /** Begins syncing a freshly signed-in session: a pull now, then one every interval. */
  start(session: ActiveSession): void;
  /** Aborts the running pull and waits for it, so the cache can close. */
  stop(): Promise<void>;
  /**
   * The network may have come back (an interface went up, the OS said online): when the last try
   * failed, probe the register now instead of waiting out the backoff.
   */
  networkChanged(): void;
  /** The outbox's counts changed (a local edit, a push): the status shows them. */
  outboxChanged(counts: OutboxStatus): void;
}

/** The timers the schedule runs on; tests pass a manual one. */
export interface SyncScheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: SyncScheduler = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** After a failed pull the register is probed (GET /health) after 2 s, 4 s, … up to 5 min, jittered. */
export const SYNC_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

export interface SyncDeps {
  client: RegisterClient;
  events: EventBus;
  /** Between successful pulls. */
  intervalMs?: number;
  /** Retries after a failed pull; each waits a uniform draw below base·2ⁿ⁻¹ (full jitter). */
  backoff?: BackoffPolicy;
  random?: () => number;
  scheduler?: SyncScheduler;
  /** A pull reached the end of the feed: the cache holds what the user may see now. */
  onPulled?: (session: ActiveSession) => void;
  pageSize?: number;
  /** The register no longer accepts the session's token. */
  onUnauthenticated?: () => void;
  logError?: (message: string, error: unknown) => void;
}

const IDLE: SyncStatus = {
  revision: 0,
  connectivity: 'offline',
  progress: null,
  pending: 0,
  failed: 0,
  conflicts: 0,
  lastSuccessAt: null,
  lastError: null,
  cachedCases: 0,
};

/** Each access change restarts the sweep; a register whose epoch never settles must not loop forever. */
const MAX_SWEEPS_PER_PULL = 5;

type Outcome = 'ok' | 'failed' | 'expired' | 'aborted';

interface Run {
  session: ActiveSession;
  controller: AbortController;
  /** The next pull (after the interval) or probe (after a backoff). */
  timer: unknown;
  running: Promise<SyncStatus> | null;
  outcome: Outcome;
  /** Failed tries in a row (pulls and probes); a successful pull resets it. */
  failures: number;
  expired: boolean;
}

export function createSyncEngine(deps: SyncDeps): SyncEngine {
  const { client, events } = deps;
  const pageSize = deps.pageSize ?? 200;
  const intervalMs = deps.intervalMs ?? 60_000;
  const backoff = deps.backoff ?? SYNC_BACKOFF;
  const random = deps.random ?? Math.random;
  const scheduler = deps.scheduler ?? REAL_TIMERS;
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  let status: SyncStatus = IDLE;
  let current: Run | null = null;
  let revision = 0;

  /** Every new status gets the next revision, so the renderer can tell older from newer. */
  function publish(next: Omit<SyncStatus, 'revision'>): void {
    status = { ...next, revision: ++revision };
    events.emit('sync:status', status);
  }

  function update(run: Run, patch: Partial<SyncStatus>): void {
    if (current !== run) return;
    publish({ ...status, ...patch });
  }

  async function pullAll(run: Run): Promise<SyncStatus> {
    const { session, controller } = run;
    const db = session.cache;
    run.outcome = 'failed';
    update(run, { connectivity: 'syncing', progress: { done: 0, total: null } });
    let done = 0;
    let sweeps = 0;
    try {
      for (;;) {
        const state = readSyncState(db);
        const { cursor } = state;
        const page = await client.syncPullAll(session.token, { cursor, limit: pageSize }, controller.signal);
        if (controller.signal.aborted) {
          run.outcome = 'aborted';
          return status;
        }
        if (epochChanged(state, page)) {
          // Access changed under cases the cursor has passed: pull everything again and drop the rest.
          if (++sweeps > MAX_SWEEPS_PER_PULL)
            throw new AppError('internal', 'The register keeps changing what this user may see.');
          beginSweep(db, page.accessEpoch);
          done = 0;
          continue;
        }
        if (page.hasMore && page.cursor === cursor) {
          throw new AppError(
            'internal',
            'The register sent a page of changes that does not advance the cursor.',
          );
        }
        // The user's own notes and annotations come in the same feed; they are applied with the page
        // and its cursor. A case removed takes its annotations (also ones that came before it).
        const documentIds = new Set<string>();
        const caseIds = db.transaction(() => {
          const touched = applyPullPage(db, { ...page, changes: page.changes.filter(isCaseChange) });
          for (const change of page.changes) {
            if (change.kind === 'case-note') applyPulledNote(db, change.note);
            if (change.kind === 'annotation') {
              const documentId = applyPulledAnnotation(db, change.annotation);
              if (documentId) documentIds.add(documentId);
            }
          }
          dropAnnotationsOfCases(
            db,
            page.changes.flatMap((change) => (change.kind === 'case-removed' ? [change.caseId] : [])),
          );
          return touched;
        })();
        done += page.changes.length;
        const total = page.remaining === null ? null : done + page.remaining;
        update(run, { progress: { done, total }, cachedCases: countCases(db) });
        if (caseIds.length > 0) events.emit('cases:changed', { caseIds });
        if (documentIds.size > 0) events.emit('annotations:changed', { documentIds: [...documentIds] });
        if (!page.hasMore) break;
      }
      const at = new Date().toISOString();
      recordSuccess(db, at);
      run.outcome = 'ok';
      update(run, { connectivity: 'online', progress: null, lastSuccessAt: at, lastError: null });
    } catch (error) {
      if (controller.signal.aborted) {
        run.outcome = 'aborted';
        return status;
      }
      if (error instanceof AppError && error.code === 'unauthenticated') {
        run.expired = true;
        run.outcome = 'expired';
        update(run, {
          connectivity: 'online',
          progress: null,
          lastError: 'The session has ended. Sign in again.',
        });
      } else if (error instanceof AppError && error.code === 'unavailable') {
        // Offline is a normal state: the cache stays usable and the next pull tries again.
        update(run, { connectivity: 'offline', progress: null, lastError: error.message });
      } else {
        if (!(error instanceof AppError)) logError('Sync pull failed', error);
        const message =
          error instanceof AppError ? error.message : `Sync failed: ${(error as Error).message}`;
        update(run, { connectivity: 'online', progress: null, lastError: message });
      }
    }
    return status;
  }

  function clearTimer(run: Run): void {
    if (run.timer !== null) scheduler.clearTimeout(run.timer);
    run.timer = null;
  }

  function schedule(run: Run, ms: number, task: () => void): void {
    clearTimer(run);
    if (current !== run) return;
    run.timer = scheduler.setTimeout(() => {
      run.timer = null;
      if (current === run) task();
    }, ms);
  }

  /** The next try after a failure: a probe after the backoff. */
  function backOff(run: Run): void {
    run.failures++;
    schedule(run, fullJitterDelay(backoff, run.failures, random), () => void probe(run));
  }

  /** A cheap GET /health; when the register answers, the pull runs at once. */
  async function probe(run: Run): Promise<void> {
    if (current !== run || run.running) return;
    try {
      await client.health();
    } catch {
      if (current === run && !run.running) backOff(run);
      return;
    }
    if (current === run) void pull().catch(() => undefined);
  }

  function afterPull(run: Run): void {
    if (current !== run) return;
    if (run.expired) {
      clearTimer(run);
      deps.onUnauthenticated?.();
      return;
    }
    if (run.outcome === 'aborted') return;
    if (run.outcome === 'failed') {
      backOff(run);
      return;
    }
    run.failures = 0;
    schedule(run, intervalMs, () => void pull().catch(() => undefined));
    try {
      deps.onPulled?.(run.session);
    } catch (error) {
      logError('After a pull', error);
    }
  }

  function pull(): Promise<SyncStatus> {
    const run = current;
    if (!run) return Promise.reject(new AppError('unauthenticated', 'Sign in to sync.'));
    if (!run.running) clearTimer(run);
    run.running ??= pullAll(run).finally(() => {
      run.running = null;
      afterPull(run);
    });
    return run.running;
  }

  return {
    status: () => status,
    pull,
    start(session) {
      if (current) clearTimer(current);
      current = {
        session,
        controller: new AbortController(),
        timer: null,
        running: null,
        outcome: 'ok',
        failures: 0,
        expired: false,
      };
      const outbox = outboxStatus(session.cache);
      status = {
        ...IDLE,
        revision: ++revision,
        pending: outbox.pending,
        failed: outbox.failed,
        conflicts: outbox.conflicts,
        lastSuccessAt: readLastSuccess(session.cache),
        cachedCases: countCases(session.cache),
      };
      void pull();
    },
    networkChanged() {
      const run = current;
      if (!run || run.failures === 0 || run.running) return;
      clearTimer(run);
      void probe(run);
    },
    outboxChanged(counts) {
      const run = current;
      if (run) update(run, { pending: counts.pending, failed: counts.failed, conflicts: counts.conflicts });
    },
    async stop() {
      const run = current;
      if (!run) return;
      clearTimer(run);
      // Let go first: a run that is slow to stop must not touch the next session's status.
      current = null;
      publish(IDLE);
      run.controller.abort(new AppError('unavailable', 'Sync stopped.'));
      await run.running?.catch(() => undefined);
      clearTimer(run);
    },
  };
}
