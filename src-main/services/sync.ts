import { AppError, type SyncStatus } from '../../src-shared/contract/index.js';
import type { SyncChange, SyncFeedChange } from '../../src-shared/register-api/index.js';
import type { EventBus } from './events.js';
import type { RegisterClient } from './register-client.js';
import type { ActiveSession } from './session.js';
import { applyPullPage, beginSweep, epochChanged, readSyncState } from './store/access-sweep.js';
import { countCases, readLastSuccess, recordSuccess } from './store/case-store.js';
import { applyPulledNote } from './store/notes-store.js';
import { type OutboxStatus, outboxStatus } from './store/outbox.js';

const isCaseChange = (change: SyncFeedChange): change is SyncChange => change.kind !== 'case-note';

/** Pulls the register's changes for the signed-in user into their cache. */
export interface SyncEngine {
  status(): SyncStatus;
  /** Pulls until the register has nothing more; concurrent callers share the running pull. */
  pull(): Promise<SyncStatus>;
  /** Begins syncing a freshly signed-in session: a pull now, then one every interval. */
  start(session: ActiveSession): void;
  /** Aborts the running pull and waits for it, so the cache can close. */
  stop(): Promise<void>;
  /** The outbox's counts changed (a local edit, a push): the status shows them. */
  outboxChanged(counts: OutboxStatus): void;
}

export interface SyncDeps {
  client: RegisterClient;
  events: EventBus;
  intervalMs?: number;
  pageSize?: number;
  /** The register no longer accepts the session's token. */
  onUnauthenticated?: () => void;
  logError?: (message: string, error: unknown) => void;
}

const IDLE: SyncStatus = {
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

interface Run {
  session: ActiveSession;
  controller: AbortController;
  timer: NodeJS.Timeout;
  running: Promise<SyncStatus> | null;
  expired: boolean;
}

export function createSyncEngine(deps: SyncDeps): SyncEngine {
  const { client, events } = deps;
  const pageSize = deps.pageSize ?? 200;
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  let status: SyncStatus = IDLE;
  let current: Run | null = null;

  function update(run: Run, patch: Partial<SyncStatus>): void {
    if (current !== run) return;
    status = { ...status, ...patch };
    events.emit('sync:status', status);
  }

  async function pullAll(run: Run): Promise<SyncStatus> {
    const { session, controller } = run;
    const db = session.cache;
    update(run, { connectivity: 'syncing', progress: { done: 0, total: null } });
    let done = 0;
    let sweeps = 0;
    try {
      for (;;) {
        const state = readSyncState(db);
        const { cursor } = state;
        const page = await client.syncPullAll(session.token, { cursor, limit: pageSize }, controller.signal);
        if (controller.signal.aborted) return status;
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
        // The user's own notes come in the same feed; they are applied with the page and its cursor.
        const caseIds = db.transaction(() => {
          const touched = applyPullPage(db, { ...page, changes: page.changes.filter(isCaseChange) });
          for (const change of page.changes)
            if (change.kind === 'case-note') applyPulledNote(db, change.note);
          return touched;
        })();
        done += page.changes.length;
        const total = page.remaining === null ? null : done + page.remaining;
        update(run, { progress: { done, total }, cachedCases: countCases(db) });
        if (caseIds.length > 0) events.emit('cases:changed', { caseIds });
        if (!page.hasMore) break;
      }
      const at = new Date().toISOString();
      recordSuccess(db, at);
      update(run, { connectivity: 'online', progress: null, lastSuccessAt: at, lastError: null });
    } catch (error) {
      if (controller.signal.aborted) return status;
      if (error instanceof AppError && error.code === 'unauthenticated') {
        run.expired = true;
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

  function pull(): Promise<SyncStatus> {
    const run = current;
    if (!run) return Promise.reject(new AppError('unauthenticated', 'Sign in to sync.'));
    run.running ??= pullAll(run).finally(() => {
      run.running = null;
      if (run.expired && current === run) deps.onUnauthenticated?.();
    });
    return run.running;
  }

  return {
    status: () => status,
    pull,
    start(session) {
      const timer = setInterval(() => void pull().catch(() => undefined), deps.intervalMs ?? 60_000);
      timer.unref();
      current = { session, controller: new AbortController(), timer, running: null, expired: false };
      const outbox = outboxStatus(session.cache);
      status = {
        ...IDLE,
        pending: outbox.pending,
        failed: outbox.failed,
        conflicts: outbox.conflicts,
        lastSuccessAt: readLastSuccess(session.cache),
        cachedCases: countCases(session.cache),
      };
      void pull();
    },
    outboxChanged(counts) {
      const run = current;
      if (run) update(run, { pending: counts.pending, failed: counts.failed, conflicts: counts.conflicts });
    },
    async stop() {
      const run = current;
      if (!run) return;
      clearInterval(run.timer);
      run.controller.abort(new AppError('unavailable', 'Sync stopped.'));
      await run.running?.catch(() => undefined);
      current = null;
      status = IDLE;
      events.emit('sync:status', status);
    },
  };
}
