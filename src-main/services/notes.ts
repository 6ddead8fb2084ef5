import type { ActiveSession } from './session.js';
import type { CacheDb } from './store/cache.js';
import {
  type ConflictChoice,
  type LocalNote,
  type NoteConflict,
  getNote,
  listConflicts,
  putNote,
  resolveConflict,
} from './store/notes-store.js';
import {
  type OutboxRow,
  type OutboxStatus,
  dismissFailed,
  failedRows,
  outboxStatus,
  retryFailed,
} from './store/outbox.js';

/** A mutation the register refused for good, as the UI shows it. */
export interface FailedChange {
  id: string;
  kind: OutboxRow['kind'];
  caseId: string;
  error: string;
  attempts: number;
}

/**
 * The user's private notes, local first: every edit is saved in the cache with its outbox row in
 * one transaction and pushed when the register can be reached. Works the same offline.
 */
export interface NotesService {
  get(caseId: string): Promise<LocalNote | null>;
  put(caseId: string, text: string): Promise<LocalNote>;
  conflicts(): Promise<NoteConflict[]>;
  resolve(conflictId: string, choice: ConflictChoice): Promise<LocalNote | null>;
  /** Pending count, failed and conflicts, for the sync status. */
  status(): Promise<OutboxStatus>;
  failed(): Promise<FailedChange[]>;
  retry(id: string): Promise<void>;
  dismiss(id: string): Promise<void>;
}

export interface NotesDeps {
  session: { require(): Pick<ActiveSession, 'cache'> };
  /** A change was queued (the push engine's `notify`). */
  onQueued?: () => void;
}

export function createNotesService(deps: NotesDeps): NotesService {
  const cache = (): CacheDb => deps.session.require().cache;
  const queued = <T>(value: T): T => {
    deps.onQueued?.();
    return value;
  };
  return {
    get: async (caseId) => getNote(cache(), caseId),
    put: async (caseId, text) => queued(putNote(cache(), caseId, text)),
    conflicts: async () => listConflicts(cache()),
    resolve: async (conflictId, choice) => queued(resolveConflict(cache(), conflictId, choice)),
    status: async () => outboxStatus(cache()),
    failed: async () =>
      failedRows(cache()).map((row) => ({
        id: row.id,
        kind: row.kind,
        caseId: row.caseId,
        error: row.lastError ?? 'refused by the register',
        attempts: row.attempts,
      })),
    retry: async (id) => queued(retryFailed(cache(), id)),
    dismiss: async (id) => dismissFailed(cache(), id),
  };
}
