import type { SyncPullResponse } from '../../../src-shared/register-api/index.js';
import type { CacheDb } from './cache.js';
import { applySyncPage } from './case-store.js';

/**
 * Access changes (a role granted or ended) reach cases whose versions the cursor has passed, so
 * the feed alone cannot deliver them. When the register's access epoch differs from the one
 * stored, the client sweeps: it pulls again from cursor 0, notes every case sent, and when the
 * pull ends drops every cached case the register did not send.
 */

export interface SyncState {
  cursor: string;
  accessEpoch: string | null;
  sweeping: boolean;
}

export function readSyncState(db: CacheDb): SyncState {
  const row = db.prepare('SELECT cursor, access_epoch, sweeping FROM sync_state WHERE id = 1').get() as {
    cursor: string;
    access_epoch: string | null;
    sweeping: number;
  };
  return { cursor: row.cursor, accessEpoch: row.access_epoch, sweeping: row.sweeping === 1 };
}

/** Whether this page belongs to an epoch other than the stored one: the caller then sweeps. */
export function epochChanged(state: SyncState, page: Pick<SyncPullResponse, 'accessEpoch'>): boolean {
  return state.accessEpoch !== null && state.accessEpoch !== page.accessEpoch;
}

/** Starts (or restarts) a sweep for `accessEpoch` from cursor 0; the page that showed it is dropped. */
export function beginSweep(db: CacheDb, accessEpoch: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM sweep_seen').run();
    db.prepare("UPDATE sync_state SET cursor = '0', access_epoch = ?, sweeping = 1 WHERE id = 1").run(
      accessEpoch,
    );
  })();
}

/**
 * Applies a page with its cursor and epoch in one transaction; during a sweep it notes the cases
 * sent and, on the last page, drops the cases not sent. Returns the ids touched or dropped.
 */
export function applyPullPage(db: CacheDb, page: SyncPullResponse, now = new Date()): string[] {
  return db.transaction(() => {
    const touched = applySyncPage(db, page.changes, page.cursor, now);
    const { sweeping } = readSyncState(db);
    db.prepare('UPDATE sync_state SET access_epoch = ? WHERE id = 1').run(page.accessEpoch);
    if (!sweeping) return touched;
    const see = db.prepare('INSERT OR IGNORE INTO sweep_seen (id) VALUES (?)');
    for (const change of page.changes) if (change.kind === 'case') see.run(change.case.id);
    if (page.hasMore) return touched;
    const unseen = 'SELECT rowid FROM cases WHERE id NOT IN (SELECT id FROM sweep_seen)';
    const dropped = db
      .prepare('SELECT id FROM cases WHERE id NOT IN (SELECT id FROM sweep_seen)')
      .pluck()
      .all() as string[];
    db.prepare(`DELETE FROM cases_search WHERE rowid IN (${unseen})`).run();
    db.prepare('DELETE FROM cases WHERE id NOT IN (SELECT id FROM sweep_seen)').run();
    db.prepare('DELETE FROM sweep_seen').run();
    db.prepare('UPDATE sync_state SET sweeping = 0 WHERE id = 1').run();
    return [...touched, ...dropped];
  })();
}
