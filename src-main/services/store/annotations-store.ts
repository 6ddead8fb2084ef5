import { AppError, type Annotation, type PageRect } from '../../../src-shared/contract/index.js';
import type { DocumentAnnotation } from '../../../src-shared/register-api/index.js';
import type { CacheDb } from './cache.js';
import { enqueue, replacePayload } from './outbox.js';

/**
 * The user's private notes and highlights on document pages, local first (decision 0009): each
 * edit is saved with its outbox row in one transaction; a pull never overwrites an annotation with
 * unconfirmed edits; deleted ones stay as tombstones so an older copy cannot come back.
 */

export const ANNOTATION_PUT = 'annotation.put';
export const ANNOTATION_DELETE = 'annotation.delete';

/** What the user puts: the contract's `annotations:put` input with the document's case. */
export interface AnnotationInput {
  id: string;
  documentId: string;
  caseId: string;
  page: number;
  rect: PageRect;
  kind: Annotation['kind'];
  text: string;
  color: Annotation['color'];
}

export interface AnnotationRow {
  id: string;
  document_id: string;
  case_id: string;
  page: number;
  rect_x: number;
  rect_y: number;
  rect_width: number;
  rect_height: number;
  kind: Annotation['kind'];
  text: string;
  color: Annotation['color'];
  created_at: string;
  updated_at: string;
  base_version: number | null;
  server_version: number | null;
  unsent: number;
  deleted: number;
}

export const toAnnotation = (row: AnnotationRow): Annotation => ({
  ...contentOf(row),
  unsent: row.unsent === 1,
});

export const readAnnotationRow = (db: CacheDb, id: string) =>
  db.prepare('SELECT * FROM annotations WHERE id = ?').get(id) as AnnotationRow | undefined;

/** Outbox rows of this annotation the register has not confirmed: queued, on the way, or refused. */
const LIVE_ROWS = `FROM outbox WHERE kind IN ('${ANNOTATION_PUT}', '${ANNOTATION_DELETE}')
  AND json_extract(payload, '$.annotationId') = ? AND state IN ('pending', 'sending', 'failed')`;

export function hasLiveRows(db: CacheDb, id: string): boolean {
  return db.prepare(`SELECT 1 ${LIVE_ROWS}`).get(id) !== undefined;
}

/** The `unsent` flag follows the outbox: set while any edit of the annotation is unconfirmed. */
export function refreshUnsent(db: CacheDb, id: string): void {
  db.prepare('UPDATE annotations SET unsent = ? WHERE id = ?').run(hasLiveRows(db, id) ? 1 : 0, id);
}

/** Records a register version seen, never going backwards. */
export function seeServerVersion(db: CacheDb, id: string, version: number): void {
  db.prepare(
    `UPDATE annotations SET server_version = ? WHERE id = ? AND (server_version IS NULL OR server_version < ?)`,
  ).run(version, id, version);
}

/** The case of a document in the cache (from the cached snapshots), or null when it is not cached. */
export function documentCaseId(db: CacheDb, documentId: string): string | null {
  const caseId = db
    .prepare(
      `SELECT c.id FROM cases c, json_each(c.snapshot, '$.documents') d
       WHERE d.value ->> '$.id' = ? LIMIT 1`,
    )
    .pluck()
    .get(documentId) as string | undefined;
  return caseId ?? null;
}

/** The document's annotations, not deleted, in reading order. */
export function listAnnotations(db: CacheDb, documentId: string): Annotation[] {
  const rows = db
    .prepare(
      `SELECT * FROM annotations WHERE document_id = ? AND deleted = 0
       ORDER BY page, rect_y, rect_x, created_at, id`,
    )
    .all(documentId) as AnnotationRow[];
  return rows.map(toAnnotation);
}

export function getAnnotation(db: CacheDb, id: string): Annotation | null {
  const row = readAnnotationRow(db, id);
  return row && row.deleted === 0 ? toAnnotation(row) : null;
}

/** An annotation's content, without its sync state. */
type Content = Omit<Annotation, 'unsent'>;

/** Writes an annotation with its sync state; the newest register version seen never goes back. */
export function writeAnnotation(
  db: CacheDb,
  c: Content,
  state: { baseVersion: number | null; serverVersion: number | null; unsent: boolean; deleted: boolean },
): void {
  db.prepare(
    `INSERT INTO annotations (id, document_id, case_id, page, rect_x, rect_y, rect_width, rect_height, kind,
       text, color, created_at, updated_at, base_version, server_version, unsent, deleted)
     VALUES (@id, @documentId, @caseId, @page, @x, @y, @width, @height, @kind, @text, @color, @createdAt,
       @updatedAt, @baseVersion, @serverVersion, @unsent, @deleted)
     ON CONFLICT (id) DO UPDATE SET document_id = excluded.document_id, case_id = excluded.case_id,
       page = excluded.page, rect_x = excluded.rect_x, rect_y = excluded.rect_y,
       rect_width = excluded.rect_width, rect_height = excluded.rect_height, kind = excluded.kind,
       text = excluded.text, color = excluded.color, created_at = excluded.created_at,
       updated_at = excluded.updated_at, base_version = excluded.base_version,
       server_version = CASE WHEN annotations.server_version IS NULL
           OR excluded.server_version > annotations.server_version
         THEN excluded.server_version ELSE annotations.server_version END,
       unsent = excluded.unsent, deleted = excluded.deleted`,
  ).run({
    id: c.id,
    documentId: c.documentId,
    caseId: c.caseId,
    page: c.page,
    ...c.rect,
    kind: c.kind,
    text: c.text,
    color: c.color,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    baseVersion: state.baseVersion,
    serverVersion: state.serverVersion,
    unsent: state.unsent ? 1 : 0,
    deleted: state.deleted ? 1 : 0,
  });
}

export const contentOf = (row: AnnotationRow): Content => ({
  id: row.id,
  documentId: row.document_id,
  caseId: row.case_id,
  page: row.page,
  rect: { x: row.rect_x, y: row.rect_y, width: row.rect_width, height: row.rect_height },
  kind: row.kind,
  text: row.text,
  color: row.color,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const contentOfServer = (a: DocumentAnnotation): Content => ({
  id: a.id,
  documentId: a.documentId,
  caseId: a.caseId,
  page: a.page,
  rect: a.rect,
  kind: a.kind,
  text: a.text,
  color: a.color,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

/** The mutation payload of an annotation's content. */
export const putPayload = (c: Content) => ({
  annotationId: c.id,
  documentId: c.documentId,
  page: c.page,
  rect: c.rect,
  kind: c.kind,
  text: c.text,
  color: c.color,
});

/** The unsent put of this annotation, if any: a newer edit replaces its payload. */
function pendingPutSeq(db: CacheDb, id: string): number | null {
  const seq = db
    .prepare(
      `SELECT seq FROM outbox WHERE kind = '${ANNOTATION_PUT}' AND json_extract(payload, '$.annotationId') = ?
       AND state = 'pending' ORDER BY seq DESC LIMIT 1`,
    )
    .pluck()
    .get(id) as number | undefined;
  return seq ?? null;
}

/**
 * Saves the annotation and queues its push in one transaction. An unsent put of the same
 * annotation is updated in place (same mutation id, same base version).
 */
export function putAnnotation(db: CacheDb, input: AnnotationInput, now = new Date()): Annotation {
  const id = input.id.toLowerCase();
  db.transaction(() => {
    const current = readAnnotationRow(db, id);
    if (current?.deleted === 1) throw new AppError('not_found', `annotation ${id} was deleted`);
    if (current && current.document_id !== input.documentId)
      throw new AppError('invalid_input', `annotation ${id} belongs to another document`);
    const at = now.toISOString();
    const content: Content = { ...input, id, createdAt: current?.created_at ?? at, updatedAt: at };
    const baseVersion = current?.base_version ?? null;
    writeAnnotation(db, content, {
      baseVersion,
      serverVersion: current?.server_version ?? null,
      unsent: true,
      deleted: false,
    });
    const pending = pendingPutSeq(db, id);
    if (pending !== null) replacePayload(db, pending, putPayload(content));
    else enqueue(db, { kind: ANNOTATION_PUT, baseVersion, payload: putPayload(content) }, input.caseId);
  })();
  return getAnnotation(db, id)!;
}

/**
 * Deletes the annotation: unsent and refused puts of it are dropped; one the register never
 * received goes at once, any other becomes a tombstone with a queued delete. Returns the document
 * it was on, or null when there was nothing to delete.
 */
export function deleteAnnotation(db: CacheDb, rawId: string, now = new Date()): string | null {
  const id = rawId.toLowerCase();
  return db.transaction(() => {
    const current = readAnnotationRow(db, id);
    if (!current || current.deleted === 1) return null;
    db.prepare(
      `DELETE FROM outbox WHERE kind = '${ANNOTATION_PUT}' AND json_extract(payload, '$.annotationId') = ?
       AND state IN ('pending', 'failed')`,
    ).run(id);
    if (current.base_version === null && !hasLiveRows(db, id)) {
      db.prepare('DELETE FROM annotations WHERE id = ?').run(id);
      return current.document_id;
    }
    db.prepare(`UPDATE annotations SET deleted = 1, text = '', unsent = 1, updated_at = ? WHERE id = ?`).run(
      now.toISOString(),
      id,
    );
    enqueue(
      db,
      { kind: ANNOTATION_DELETE, baseVersion: current.base_version, payload: { annotationId: id } },
      current.case_id,
    );
    return current.document_id;
  })();
}

/**
 * An annotation from the pull feed. It replaces the local one only when that has no unconfirmed
 * edits and the version is newer; otherwise only the register's version is recorded, and the push
 * meets the difference as a conflict. Returns the document whose annotations changed, or null.
 */
export function applyPulledAnnotation(db: CacheDb, a: DocumentAnnotation): string | null {
  return db.transaction(() => {
    const current = readAnnotationRow(db, a.id);
    if (current && current.server_version !== null && a.version <= current.server_version) return null;
    if (current && hasLiveRows(db, a.id)) {
      seeServerVersion(db, a.id, a.version);
      return null;
    }
    const state = { baseVersion: a.version, serverVersion: a.version, unsent: false, deleted: a.deleted };
    writeAnnotation(db, { ...contentOfServer(a), text: a.deleted ? '' : a.text }, state);
    return current || !a.deleted ? a.documentId : null;
  })();
}

/** Drops the annotations of cases that left the cache (the trigger covers cases it held). */
export function dropAnnotationsOfCases(db: CacheDb, caseIds: readonly string[]): void {
  const drop = db.prepare('DELETE FROM annotations WHERE case_id = ?');
  for (const caseId of caseIds) drop.run(caseId);
}
