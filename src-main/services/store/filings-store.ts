import { randomUUID } from 'node:crypto';
import { AppError } from '../../../src-shared/contract/index.js';
import type { SyncMutationResult } from '../../../src-shared/register-api/index.js';
import type { Filing, FilingRequest, FilingSourceKind, FilingState } from '../filing-types.js';
import type { CacheDb } from './cache.js';
import { applySyncPage, readCursor } from './case-store.js';
import { type OutboxRow, enqueue, setState } from './outbox.js';

/**
 * The `filings` table (migration 0006) and what the register's answer to a `case.document.file`
 * mutation does to it. A filing is written with its outbox row in one transaction (`queueFiling`);
 * the push engine reports the answer through `applyFilingResult`.
 */

export const DOCUMENT_FILE = 'case.document.file';

interface FilingRaw {
  document_id: string;
  source_kind: FilingSourceKind;
  source_id: string;
  case_id: string;
  kind: Filing['kind'];
  title: string;
  sha256: string;
  size: number;
  state: FilingState;
  document_number: string | null;
  error: string | null;
  queued_at: string;
  filed_at: string | null;
}

const COLUMNS = `document_id, source_kind, source_id, case_id, kind, title, sha256, size, state,
  document_number, error, queued_at, filed_at`;

const toFiling = (raw: FilingRaw): Filing => ({
  documentId: raw.document_id,
  sourceKind: raw.source_kind,
  sourceId: raw.source_id,
  caseId: raw.case_id,
  kind: raw.kind,
  title: raw.title,
  sha256: raw.sha256,
  size: raw.size,
  state: raw.state,
  documentNumber: raw.document_number,
  error: raw.error,
  queuedAt: raw.queued_at,
  filedAt: raw.filed_at,
});

export function readFiling(db: CacheDb, documentId: string): Filing | null {
  const raw = db.prepare(`SELECT ${COLUMNS} FROM filings WHERE document_id = ?`).get(documentId) as
    FilingRaw | undefined;
  return raw ? toFiling(raw) : null;
}

/** The newest filing of a source (the highest rowid: local order, never the device clock). */
export function latestFiling(db: CacheDb, sourceKind: FilingSourceKind, sourceId: string): Filing | null {
  const raw = db
    .prepare(
      `SELECT ${COLUMNS} FROM filings WHERE source_kind = ? AND source_id = ? ORDER BY rowid DESC LIMIT 1`,
    )
    .get(sourceKind, sourceId) as FilingRaw | undefined;
  return raw ? toFiling(raw) : null;
}

/** The SHA-256 of every filing the register has not numbered yet: their bytes must stay on this computer. */
export function unfiledBlobs(db: CacheDb): string[] {
  return db.prepare(`SELECT DISTINCT sha256 FROM filings WHERE state <> 'filed'`).pluck().all() as string[];
}

/** One source, one document: a source with a filing queued or filed is refused with `conflict`. */
export function refuseIfFiled(db: CacheDb, sourceKind: FilingSourceKind, sourceId: string): void {
  const current = latestFiling(db, sourceKind, sourceId);
  if (!current || current.state === 'failed') return;
  throw new AppError(
    'conflict',
    current.state === 'filed'
      ? `This was already filed as document ${current.documentNumber}.`
      : 'This is already waiting to be filed.',
  );
}

/**
 * Writes the filing and its outbox row; call inside the transaction that stored the bytes' record.
 */
export function queueFiling(
  db: CacheDb,
  request: Omit<FilingRequest, 'bytes'>,
  file: { sha256: string; size: number },
  now: Date,
): Filing {
  refuseIfFiled(db, request.sourceKind, request.sourceId);
  const documentId = randomUUID();
  // The mutation is checked (and refused with the reason) before the filing row is written.
  enqueue(
    db,
    {
      kind: DOCUMENT_FILE,
      baseVersion: null,
      payload: {
        documentId,
        caseId: request.caseId,
        kind: request.kind,
        title: request.title,
        sha256: file.sha256,
        size: file.size,
        mediaType: request.mediaType,
        decisionKind: request.decisionKind,
        hearingId: request.hearingId,
        occurredAt: request.occurredAt,
      },
    },
    request.caseId,
  );
  db.prepare(
    `INSERT INTO filings (document_id, source_kind, source_id, case_id, kind, title, sha256, size,
       media_type, state, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)`,
  ).run(
    documentId,
    request.sourceKind,
    request.sourceId,
    request.caseId,
    request.kind,
    request.title.trim(),
    file.sha256,
    file.size,
    request.mediaType,
    now.toISOString(),
  );
  return readFiling(db, documentId)!;
}

const documentIdOf = (row: OutboxRow): string | null =>
  row.kind === DOCUMENT_FILE && 'documentId' in row.payload ? row.payload.documentId : null;

/** Marks the outbox row and its filing failed with the reason; returns the filing. */
export function failFiling(db: CacheDb, row: OutboxRow, reason: string): Filing | null {
  return db.transaction(() => {
    setState(db, row.seq, 'failed', reason);
    const documentId = documentIdOf(row);
    if (!documentId) return null;
    db.prepare(
      `UPDATE filings SET state = 'failed', error = ? WHERE document_id = ? AND state <> 'filed'`,
    ).run(reason, documentId);
    return readFiling(db, documentId);
  })();
}

export interface FilingEffect {
  outcome: 'applied' | 'failed';
  filing: Filing | null;
  /** The case whose snapshot was stored, when filed. */
  caseId: string | null;
}

/**
 * The register's answer to a filing, in one transaction: applied → the filing is `filed` with its
 * number and the case as the register now has it goes into the cache (the cursor stays: the next
 * pull sends it again, harmlessly); rejected (or, which the register never answers to a filing, a
 * conflict) → `failed` with the reason.
 */
export function applyFilingResult(
  db: CacheDb,
  row: OutboxRow,
  result: SyncMutationResult,
  now = new Date(),
): FilingEffect {
  if (result.status !== 'applied' || result.record.type !== 'filed-document') {
    const reason =
      result.status === 'rejected'
        ? `${result.code}: ${result.reason}`
        : `conflict: ${result.status === 'conflict' ? result.reason : 'the register answered with no document'}`;
    return { outcome: 'failed', filing: failFiling(db, row, reason), caseId: null };
  }
  const record = result.record;
  return db.transaction((): FilingEffect => {
    setState(db, row.seq, 'done');
    db.prepare(
      `UPDATE filings SET state = 'filed', document_number = ?, error = NULL, filed_at = ? WHERE document_id = ?`,
    ).run(record.documentNumber, now.toISOString(), record.documentId);
    applySyncPage(db, [{ kind: 'case', case: record.case }], readCursor(db), now);
    return { outcome: 'applied', filing: readFiling(db, record.documentId), caseId: record.case.id };
  })();
}
