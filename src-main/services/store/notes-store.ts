import { AppError } from '../../../src-shared/contract/index.js';
import type { CaseNote } from '../../../src-shared/register-api/index.js';
import type { CacheDb } from './cache.js';
import { type OutboxRow, enqueue, pendingFor, replacePayload, setState } from './outbox.js';

/**
 * The user's private note per case, kept locally and pushed through the outbox. A local edit and
 * its outbox row are written in one transaction; a pull never overwrites a note with unsent edits;
 * a conflict keeps both texts until the user chooses.
 */

export interface LocalNote {
  caseId: string;
  text: string;
  /** The register version this text was based on; null when the register had none. */
  baseVersion: number | null;
  /** The newest register version seen. */
  serverVersion: number | null;
  /** The text has edits the register has not confirmed yet. */
  unsent: boolean;
  /** An open conflict on this note, if any. */
  conflictId: string | null;
}

export interface NoteConflict {
  id: string;
  caseId: string;
  /** The user's text, kept. */
  localText: string;
  /** The register's text; null when the register has no note on the case. */
  serverText: string | null;
  serverVersion: number | null;
  createdSeq: number;
}

export type ConflictChoice = 'mine' | 'theirs';

const NOTE_PUT = 'case.note.put';

interface NoteRow {
  case_id: string;
  text: string;
  base_version: number | null;
  server_version: number | null;
}

interface ConflictRow {
  id: string;
  case_id: string;
  local_text: string;
  server_text: string | null;
  server_version: number | null;
  created_seq: number;
}

const toConflict = (row: ConflictRow): NoteConflict => ({
  id: row.id,
  caseId: row.case_id,
  localText: row.local_text,
  serverText: row.server_text,
  serverVersion: row.server_version,
  createdSeq: row.created_seq,
});

const readNote = (db: CacheDb, caseId: string) =>
  db
    .prepare('SELECT case_id, text, base_version, server_version FROM notes WHERE case_id = ?')
    .get(caseId) as NoteRow | undefined;

const readConflictOf = (db: CacheDb, caseId: string) =>
  db.prepare('SELECT * FROM conflicts WHERE case_id = ?').get(caseId) as ConflictRow | undefined;

/** Edits of this note the register has not confirmed: queued, on the way, or refused for now. */
function hasUnsent(db: CacheDb, caseId: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM outbox WHERE kind = ? AND case_id = ? AND state IN ('pending', 'sending', 'failed', 'conflict')`,
      )
      .get(NOTE_PUT, caseId) !== undefined
  );
}

function writeNote(db: CacheDb, caseId: string, text: string, baseVersion: number | null): void {
  db.prepare(
    `INSERT INTO notes (case_id, text, base_version, server_version, updated_seq)
     VALUES (@caseId, @text, @baseVersion, @baseVersion, (SELECT coalesce(max(updated_seq), 0) + 1 FROM notes))
     ON CONFLICT (case_id) DO UPDATE SET text = excluded.text, base_version = excluded.base_version,
       server_version = CASE
         WHEN notes.server_version IS NULL OR notes.server_version < excluded.base_version
         THEN excluded.base_version ELSE notes.server_version END,
       updated_seq = excluded.updated_seq`,
  ).run({ caseId, text, baseVersion });
}

function seeServerVersion(db: CacheDb, caseId: string, version: number): void {
  db.prepare(
    `UPDATE notes SET server_version = ? WHERE case_id = ? AND (server_version IS NULL OR server_version < ?)`,
  ).run(version, caseId, version);
}

export function getNote(db: CacheDb, caseId: string): LocalNote | null {
  const row = readNote(db, caseId);
  if (!row) return null;
  return {
    caseId: row.case_id,
    text: row.text,
    baseVersion: row.base_version,
    serverVersion: row.server_version,
    unsent: hasUnsent(db, caseId),
    conflictId: readConflictOf(db, caseId)?.id ?? null,
  };
}

/**
 * Saves the note and queues its push in one transaction. An unsent put of the same note is
 * updated in place (same id, same base version). While a conflict is open the text is saved and
 * kept as "mine" in the conflict; it is pushed when the user resolves the conflict.
 */
export function putNote(db: CacheDb, caseId: string, text: string): LocalNote {
  db.transaction(() => {
    const current = readNote(db, caseId);
    const baseVersion = current?.base_version ?? null;
    writeNote(db, caseId, text, baseVersion);
    const conflict = readConflictOf(db, caseId);
    if (conflict) {
      db.prepare('UPDATE conflicts SET local_text = ? WHERE id = ?').run(text, conflict.id);
      return;
    }
    const pending = pendingFor(db, NOTE_PUT, caseId);
    if (pending) replacePayload(db, pending.seq, { caseId, text });
    else enqueue(db, { kind: NOTE_PUT, baseVersion, payload: { caseId, text } }, caseId);
  })();
  return getNote(db, caseId)!;
}

/**
 * A note from the pull feed. It replaces the local text only when the note has no unconfirmed
 * local edits and the version is newer; otherwise only the register's version is recorded, and the
 * push meets the difference as a conflict.
 */
export function applyPulledNote(db: CacheDb, note: CaseNote): boolean {
  return db.transaction(() => {
    const current = readNote(db, note.caseId);
    if (current && (hasUnsent(db, note.caseId) || readConflictOf(db, note.caseId))) {
      seeServerVersion(db, note.caseId, note.version);
      return false;
    }
    if (current && current.base_version !== null && current.base_version >= note.version) return false;
    writeNote(db, note.caseId, note.text, note.version);
    return true;
  })();
}

/** The register confirmed a put: later unsent puts of the same note are now based on its version. */
export function notePutApplied(db: CacheDb, row: OutboxRow, note: CaseNote | null): void {
  db.transaction(() => {
    setState(db, row.seq, 'done');
    if (!note) return;
    db.prepare('UPDATE notes SET base_version = ? WHERE case_id = ?').run(note.version, row.caseId);
    seeServerVersion(db, row.caseId, note.version);
    db.prepare(
      `UPDATE outbox SET base_version = ? WHERE kind = ? AND case_id = ? AND state = 'pending' AND seq > ?`,
    ).run(note.version, NOTE_PUT, row.caseId, row.seq);
  })();
}

/**
 * The register had a newer note: both texts are kept as a conflict copy. Later unsent puts of the
 * same note are folded into it (their text is the local note's, which the copy holds).
 */
export function notePutConflicted(
  db: CacheDb,
  row: OutboxRow,
  server: CaseNote | null,
  reason: string,
): void {
  db.transaction(() => {
    const local = readNote(db, row.caseId);
    const sentText = 'text' in row.payload ? row.payload.text : '';
    const localText = local?.text ?? sentText;
    setState(db, row.seq, 'conflict', reason);
    db.prepare(`DELETE FROM outbox WHERE kind = ? AND case_id = ? AND state = 'pending' AND seq > ?`).run(
      NOTE_PUT,
      row.caseId,
      row.seq,
    );
    if (!local) writeNote(db, row.caseId, localText, row.baseVersion);
    if (server) seeServerVersion(db, row.caseId, server.version);
    const existing = readConflictOf(db, row.caseId);
    if (existing) db.prepare('DELETE FROM conflicts WHERE id = ?').run(existing.id);
    db.prepare(
      `INSERT INTO conflicts (id, case_id, local_text, server_text, server_version, created_seq)
       VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(created_seq), 0) + 1 FROM conflicts))`,
    ).run(row.id, row.caseId, localText, server?.text ?? null, server?.version ?? null);
  })();
}

export function listConflicts(db: CacheDb): NoteConflict[] {
  const rows = db.prepare('SELECT * FROM conflicts ORDER BY created_seq').all() as ConflictRow[];
  return rows.map(toConflict);
}

/**
 * Ends a conflict. 'mine' queues the local text again, based on the register's version; 'theirs'
 * adopts the register's text (and drops the local note when the register has none).
 */
export function resolveConflict(db: CacheDb, id: string, choice: ConflictChoice): LocalNote | null {
  const caseId = db.transaction(() => {
    const row = db.prepare('SELECT * FROM conflicts WHERE id = ?').get(id) as ConflictRow | undefined;
    if (!row) throw new AppError('not_found', `no open conflict ${id}`);
    db.prepare('DELETE FROM conflicts WHERE id = ?').run(id);
    db.prepare(`UPDATE outbox SET state = 'done' WHERE id = ? AND state = 'conflict'`).run(id);
    if (choice === 'mine') {
      writeNote(db, row.case_id, row.local_text, row.server_version);
      enqueue(
        db,
        {
          kind: NOTE_PUT,
          baseVersion: row.server_version,
          payload: { caseId: row.case_id, text: row.local_text },
        },
        row.case_id,
      );
    } else if (row.server_text === null) {
      db.prepare('DELETE FROM notes WHERE case_id = ?').run(row.case_id);
    } else {
      writeNote(db, row.case_id, row.server_text, row.server_version);
    }
    return row.case_id;
  })();
  return getNote(db, caseId);
}
