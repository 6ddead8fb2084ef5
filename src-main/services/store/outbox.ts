import { randomUUID } from 'node:crypto';
import { AppError, describeIssues } from '../../../src-shared/contract/index.js';
import { SyncMutation } from '../../../src-shared/register-api/index.js';
import type { CacheDb } from './cache.js';

/**
 * The outbox: every local change that must reach the register, in the order it was made, each with
 * a client-made id (UUID v4) the register applies at most once. Rows are written by the stores in
 * the same transaction as the change itself; the push engine moves them through the states:
 * pending → sending → done | failed | conflict. A row left 'sending' by a crash is sent again with
 * the same id, which the register answers from its stored result.
 */

export const OUTBOX_STATES = ['pending', 'sending', 'failed', 'conflict', 'done'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface OutboxRow {
  seq: number;
  id: string;
  kind: SyncMutation['kind'];
  caseId: string;
  payload: SyncMutation['payload'];
  baseVersion: number | null;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
}

/** A mutation before it has an id. */
export type NewMutation = SyncMutation extends infer M
  ? M extends SyncMutation
    ? Omit<M, 'id'>
    : never
  : never;

export interface OutboxStatus {
  /** Not yet confirmed by the register: pending or sending. */
  pending: number;
  failed: number;
  conflicts: number;
}

interface RawRow {
  seq: number;
  id: string;
  kind: string;
  case_id: string;
  payload: string;
  base_version: number | null;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
}

const COLUMNS = 'seq, id, kind, case_id, payload, base_version, state, attempts, last_error';

/** Parses a stored row back into a mutation; a row that no longer parses is a bug, not user input. */
function fromRaw(raw: RawRow): OutboxRow {
  const parsed = SyncMutation.safeParse({
    id: raw.id,
    kind: raw.kind,
    baseVersion: raw.base_version,
    payload: JSON.parse(raw.payload) as unknown,
  });
  if (!parsed.success) {
    throw new AppError(
      'internal',
      `Outbox entry ${raw.seq} is not a valid mutation: ${describeIssues(parsed.error)}`,
    );
  }
  return {
    seq: raw.seq,
    id: parsed.data.id,
    kind: parsed.data.kind,
    caseId: raw.case_id,
    payload: parsed.data.payload,
    baseVersion: raw.base_version,
    state: raw.state,
    attempts: raw.attempts,
    lastError: raw.last_error,
  };
}

/** The mutation as the register takes it. */
export function toMutation(row: OutboxRow): SyncMutation {
  return { id: row.id, kind: row.kind, baseVersion: row.baseVersion, payload: row.payload } as SyncMutation;
}

/**
 * Checks a mutation before it is queued, so the outbox never holds one the register's schema would
 * refuse as a whole request. Throws `invalid_input` with the reason.
 */
export function validateMutation(mutation: SyncMutation): SyncMutation {
  const parsed = SyncMutation.safeParse(mutation);
  if (!parsed.success) throw new AppError('invalid_input', describeIssues(parsed.error));
  return parsed.data;
}

/** Queues a mutation with a fresh id; call inside the transaction that makes the local change. */
export function enqueue(db: CacheDb, mutation: NewMutation, caseId: string): OutboxRow {
  const valid = validateMutation({ ...mutation, id: randomUUID() } as SyncMutation);
  const raw = db
    .prepare(
      `INSERT INTO outbox (id, kind, case_id, payload, base_version) VALUES (?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    )
    .get(valid.id, valid.kind, caseId, JSON.stringify(valid.payload), valid.baseVersion) as RawRow;
  return fromRaw(raw);
}

/**
 * A read of a restricted document's local copy, for the register's read log. Not a change the user
 * made: the outbox counts shown to the user leave it out, and a refusal is nothing they could mend.
 */
export const DOCUMENT_READ = 'document.read';

/** Queues the report of a read of the document's local copy at `at`. */
export function queueLocalRead(
  db: CacheDb,
  document: { documentId: string; caseId: string },
  at: Date,
): OutboxRow {
  return enqueue(
    db,
    {
      kind: DOCUMENT_READ,
      baseVersion: null,
      payload: { documentId: document.documentId, readAt: at.toISOString() },
    },
    document.caseId,
  );
}

/** The unsent put of this kind for this case, if any: a newer edit replaces its payload. */
export function pendingFor(db: CacheDb, kind: SyncMutation['kind'], caseId: string): OutboxRow | null {
  const raw = db
    .prepare(
      `SELECT ${COLUMNS} FROM outbox WHERE kind = ? AND case_id = ? AND state = 'pending' ORDER BY seq DESC LIMIT 1`,
    )
    .get(kind, caseId) as RawRow | undefined;
  return raw ? fromRaw(raw) : null;
}

export function replacePayload(db: CacheDb, seq: number, payload: SyncMutation['payload']): void {
  db.prepare(`UPDATE outbox SET payload = ? WHERE seq = ? AND state = 'pending'`).run(
    JSON.stringify(payload),
    seq,
  );
}

/** Rows to send, oldest first: pending ones and those a crash left 'sending'. */
export function sendable(db: CacheDb, limit: number): OutboxRow[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM outbox WHERE state IN ('pending', 'sending') ORDER BY seq LIMIT ?`)
    .all(limit) as RawRow[];
  return rows.map(fromRaw);
}

export function getRow(db: CacheDb, id: string): OutboxRow | null {
  const raw = db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE id = ?`).get(id) as RawRow | undefined;
  return raw ? fromRaw(raw) : null;
}

/** Marks rows as on their way, before the request: a crash then leaves them to be sent again. */
export function markSending(db: CacheDb, seqs: readonly number[]): void {
  const mark = db.prepare(
    `UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE seq = ? AND state IN ('pending', 'sending')`,
  );
  db.transaction(() => {
    for (const seq of seqs) mark.run(seq);
  })();
}

export function setState(
  db: CacheDb,
  seq: number,
  state: OutboxState,
  lastError: string | null = null,
): void {
  db.prepare('UPDATE outbox SET state = ?, last_error = ? WHERE seq = ?').run(state, lastError, seq);
}

/** A temporary failure: the rows stay to be sent again, with what went wrong noted for the UI. */
export function noteTemporaryError(db: CacheDb, seqs: readonly number[], message: string): void {
  const note = db.prepare('UPDATE outbox SET last_error = ? WHERE seq = ?');
  db.transaction(() => {
    for (const seq of seqs) note.run(message, seq);
  })();
}

export function outboxStatus(db: CacheDb): OutboxStatus {
  const row = db
    .prepare(
      `SELECT
         (SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending') AND kind <> '${DOCUMENT_READ}') AS pending,
         (SELECT count(*) FROM outbox WHERE state = 'failed') AS failed,
         (SELECT count(*) FROM conflicts) AS conflicts`,
    )
    .get() as OutboxStatus;
  return row;
}

/** Mutations the register refused for good, oldest first, for the UI to show. */
export function failedRows(db: CacheDb): OutboxRow[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM outbox WHERE state = 'failed' ORDER BY seq`)
    .all() as RawRow[];
  return rows.map(fromRaw);
}

/** Sends a failed mutation again (same id: the register answers its stored result if it has one). */
export function retryFailed(db: CacheDb, id: string): void {
  const changed = db
    .prepare(`UPDATE outbox SET state = 'pending', last_error = NULL WHERE id = ? AND state = 'failed'`)
    .run(id).changes;
  if (changed === 0) throw new AppError('not_found', `no failed change ${id}`);
  // A filing sent again is waiting again (filings-store.ts).
  db.prepare(
    `UPDATE filings SET state = 'queued', error = NULL WHERE state = 'failed' AND document_id =
       (SELECT json_extract(payload, '$.documentId') FROM outbox WHERE id = ? AND kind = 'case.document.file')`,
  ).run(id);
}

/** The user has seen a failed mutation and lets it go; the local data stays as it is. */
export function dismissFailed(db: CacheDb, id: string): void {
  const changed = db.prepare(`DELETE FROM outbox WHERE id = ? AND state = 'failed'`).run(id).changes;
  if (changed === 0) throw new AppError('not_found', `no failed change ${id}`);
}

/** Keeps the outbox small: confirmed rows beyond the newest `keep` are deleted. */
export function pruneDone(db: CacheDb, keep = 200): void {
  db.prepare(
    `DELETE FROM outbox WHERE state = 'done' AND seq NOT IN
       (SELECT seq FROM outbox WHERE state = 'done' ORDER BY seq DESC LIMIT ?)`,
  ).run(keep);
}
