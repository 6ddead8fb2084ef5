import type { SyncChange } from '../../../src-shared/register-api/index.js';
import type { CacheDb } from './cache.js';
import { searchWriter } from './search-index.js';

/** Reads and writes of synced cases; every page of a pull is applied atomically with its cursor. */

export function readCursor(db: CacheDb): string {
  return db.prepare('SELECT cursor FROM sync_state WHERE id = 1').pluck().get() as string;
}

export function readLastSuccess(db: CacheDb): string | null {
  return db.prepare('SELECT last_success_at FROM sync_state WHERE id = 1').pluck().get() as string | null;
}

export function recordSuccess(db: CacheDb, at: string): void {
  db.prepare('UPDATE sync_state SET last_success_at = ? WHERE id = 1').run(at);
}

export function countCases(db: CacheDb): number {
  return db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
}

const iso = (text: string) => new Date(text).toISOString();

/** The first hearing at or after `now`, normalised to UTC so it orders as text. */
export function nextHearingAt(startTimes: readonly string[], now: Date): string | null {
  const upcoming = startTimes
    .map(iso)
    .filter((at) => at >= now.toISOString())
    .sort();
  return upcoming[0] ?? null;
}

/**
 * Applies one page of changes and moves the cursor, all in one transaction: a crash
 * leaves either the whole page with its cursor or neither. Returns the ids touched.
 */
export function applySyncPage(
  db: CacheDb,
  changes: readonly SyncChange[],
  cursor: string,
  now = new Date(),
): string[] {
  const upsert = db.prepare(`
    INSERT INTO cases (id, number, procedure_type, court_code, status, subject, restriction,
                       registered_at, judge_name, next_hearing_at, version, snapshot)
    VALUES (@id, @number, @procedureType, @courtCode, @status, @subject, @restriction,
            @registeredAt, @judgeName, @nextHearingAt, @version, @snapshot)
    ON CONFLICT (id) DO UPDATE SET
      number = excluded.number, procedure_type = excluded.procedure_type,
      court_code = excluded.court_code, status = excluded.status, subject = excluded.subject,
      restriction = excluded.restriction, registered_at = excluded.registered_at,
      judge_name = excluded.judge_name, next_hearing_at = excluded.next_hearing_at,
      version = excluded.version, snapshot = excluded.snapshot
    WHERE excluded.version >= cases.version
    RETURNING rowid`);
  const rowidOf = db.prepare('SELECT rowid FROM cases WHERE id = ?').pluck();
  const deleteCase = db.prepare('DELETE FROM cases WHERE id = ?');
  const search = searchWriter(db);
  const setCursor = db.prepare('UPDATE sync_state SET cursor = ? WHERE id = 1');

  return db.transaction(() => {
    const touched: string[] = [];
    for (const change of changes) {
      if (change.kind === 'case-removed') {
        const rowid = rowidOf.get(change.caseId) as number | undefined;
        if (rowid === undefined) continue;
        search.remove(rowid);
        deleteCase.run(change.caseId);
        touched.push(change.caseId);
        continue;
      }
      const snapshot = change.case;
      const row = upsert.get({
        id: snapshot.id,
        number: snapshot.number,
        procedureType: snapshot.procedureType,
        courtCode: snapshot.court.code,
        status: snapshot.status,
        subject: snapshot.subject,
        restriction: snapshot.restriction,
        registeredAt: iso(snapshot.registeredAt),
        judgeName: snapshot.judge?.name ?? null,
        nextHearingAt: nextHearingAt(
          snapshot.hearings.map((hearing) => hearing.startsAt),
          now,
        ),
        version: snapshot.version,
        snapshot: JSON.stringify(snapshot),
      }) as { rowid: number } | undefined;
      // No row back means the cache already holds a newer version of this case.
      if (!row) continue;
      search.put(row.rowid, snapshot);
      touched.push(snapshot.id);
    }
    setCursor.run(cursor);
    return touched;
  })();
}
